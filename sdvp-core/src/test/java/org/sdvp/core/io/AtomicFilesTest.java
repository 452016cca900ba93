package org.sdvp.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfwayLeavesThePreviousFileIntactAndNoTemporaryFile() throws Exception {
        Path results = dir.resolve("results.json");
        Json.write(results, java.util.Map.of("score", 0.75));
        String before = Files.readString(results);
        IOException full = assertThrows(
                IOException.class,
                () -> AtomicFiles.write(results, out -> {
                    out.write("{\"score\": 0.8".getBytes());
                    throw new IOException("No space left on device");
                }));
        assertEquals("No space left on device", full.getMessage());
        assertEquals(before, Files.readString(results));
        assertEquals(0.75, Json.mapper().readTree(results.toFile()).get("score").asDouble());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of(results), files.toList());
        }
    }
}
