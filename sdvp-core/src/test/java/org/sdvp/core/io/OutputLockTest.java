package org.sdvp.core.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedNamingTheHolderAndMayLockOnceTheFirstIsDone() throws Exception {
        Path out = dir.resolve("results.json");
        try (OutputLock first = OutputLock.acquire(out, "sdvp eval --out results.json")) {
            DataException e = assertThrows(DataException.class, () -> OutputLock.acquire(out, "sdvp eval (second)"));
            assertTrue(
                    e.getMessage().contains("pid " + ProcessHandle.current().pid())
                            && e.getMessage().contains("sdvp eval --out results.json"),
                    e.getMessage());
        }
        try (OutputLock again = OutputLock.acquire(out, "sdvp eval (later)")) {
            assertTrue(java.nio.file.Files.readString(OutputLock.lockFile(out)).contains("(later)"));
        }
    }
}
