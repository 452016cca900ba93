package org.sdvp.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.core.io.Sha256;

/** The fixtures are the files the committed script wrote: every SHA-256 matches, every model stays under 1 MB. */
class FixturesTest {

    @Test
    void everyFixtureFileHasItsRecordedSha256() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.root().resolve("SHA256SUMS"));
        assertEquals(
                24,
                lines.size(),
                "3 services x 2 engines: model, model.json, tokenizer.json (+ answers.json for VQA); "
                        + "the VQA student: model.pt, model.json, tokenizer.json, answers.json");
        for (String line : lines) {
            String sha = line.substring(0, 64), rel = line.substring(66);
            Path file = Fixtures.root().resolve(rel);
            assertEquals(
                    sha,
                    Sha256.of(file),
                    rel + " differs from SHA256SUMS: regenerate with sdvp-backends/fixtures/make_fixtures.py");
            if (rel.endsWith(".pt") || rel.endsWith(".onnx"))
                assertTrue(Files.size(file) < 1_000_000, rel + " is over 1 MB");
        }
    }
}
