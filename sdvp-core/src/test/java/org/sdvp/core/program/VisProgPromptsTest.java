package org.sdvp.core.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The acceptance check of VisProg compatibility: every in-context program of VisProg's four published
 * prompts ({@code src/test/resources/visprog-prompts/}, one file per program, the program first so its
 * line numbers are VisProg's) is accepted, except those with real errors, whose files say which errors at
 * which lines (docs/language.md lists them).
 */
class VisProgPromptsTest {
    private static final String DIR = "/visprog-prompts";

    @TestFactory
    Stream<DynamicTest> everyPromptProgram() throws IOException, URISyntaxException {
        return GoldenProgramsTest.programsIn(DIR).stream()
                .map(file ->
                        DynamicTest.dynamicTest(file.getFileName().toString(), () -> GoldenProgramsTest.check(file)));
    }

    /** All programs of the four prompts are here, and exactly the known-broken ones are expected to fail. */
    @Test
    void countsPerPrompt() throws IOException, URISyntaxException {
        Map<String, int[]> byPrompt = new TreeMap<>();
        for (Path file : GoldenProgramsTest.programsIn(DIR)) {
            String prompt = file.getFileName().toString().replaceAll("_\\d+\\.vp$", "");
            int[] c = byPrompt.computeIfAbsent(prompt, k -> new int[2]);
            c[0]++;
            if (read(file).contains("# expect-error: ")) c[1]++;
        }
        Map<String, List<Integer>> counts = new TreeMap<>();
        byPrompt.forEach((k, v) -> counts.put(k, List.of(v[0], v[1])));
        // programs, of which rejected
        assertEquals(
                Map.of(
                        "gqa",
                        List.of(20, 3),
                        "nlvr",
                        List.of(12, 1),
                        "knowtag",
                        List.of(13, 0),
                        "imgedit",
                        List.of(10, 0)),
                counts);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
