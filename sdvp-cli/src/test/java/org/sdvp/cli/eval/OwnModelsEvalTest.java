package org.sdvp.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.io.Json;
import org.sdvp.core.metric.AnswerNormalizer;

/**
 * {@code sdvp eval} on the real benchmarks' formats with users' exported models: a model refused at load
 * leaves nothing beside {@code --out}, and GQA and NLVR2 runs write the benchmarks' official prediction files.
 */
class OwnModelsEvalTest {
    static final Path OWN = Path.of("..", "sdvp-backends", "src", "test", "resources", "own-models");
    static final Path FIXTURES = Path.of("..", "sdvp-data", "src", "test", "resources", "fixtures");

    @TempDir
    Path dir;

    static String ownModules() {
        return "torchscript:" + OWN.resolve("vqa-torchscript") + ",torchscript:" + OWN.resolve("loc-torchscript")
                + ",torchscript:" + OWN.resolve("match-torchscript");
    }

    private Path brokenVqa() throws IOException {
        Path broken = dir.resolve("vqa");
        Files.createDirectories(broken);
        try (Stream<Path> files = Files.list(OWN.resolve("vqa-torchscript"))) {
            for (Path f : files.toList()) Files.copy(f, broken.resolve(f.getFileName()));
        }
        Files.writeString(broken.resolve("answers.json"), "[\"yes\", \"no\", \"red\"]");
        return broken;
    }

    @Test
    void aModelRefusedAtLoadLeavesNothingBesideOut() throws IOException {
        Path broken = brokenVqa();
        for (String command : List.of("eval", "collect")) {
            Path out = dir.resolve(command + "-out").resolve("results.json");
            var r = CliRunner.run(
                    command,
                    "--dataset",
                    "gqa",
                    "--root",
                    FIXTURES.resolve("gqa").toString(),
                    "--split",
                    "val_balanced",
                    "--modules",
                    "torchscript:" + broken,
                    "--out",
                    out.toString());
            assertEquals(2, r.exitCode(), command + ": " + r.err());
            assertTrue(r.err().contains("output 'logits'") && r.err().contains("[2, 3]"), r.err());
            assertFalse(
                    Files.exists(out.getParent()), command + " created " + out.getParent() + ": no lock, no journal");
        }
    }

    @Test
    void gqaRunsWriteGqasPredictionsJsonBesideResults() throws IOException {
        Path out = dir.resolve("gqa").resolve("results.json");
        var r = CliRunner.run(
                "eval",
                "--dataset",
                "gqa",
                "--root",
                FIXTURES.resolve("gqa").toString(),
                "--split",
                "val_balanced",
                "--modules",
                ownModules() + ",gqa-oracle",
                "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path file = dir.resolve("gqa").resolve("results.predictions.json");
        assertTrue(r.out().contains("predictions: " + file + " (GQA predictions JSON, 32 questions)"), r.out());
        JsonNode rows = Json.mapper().readTree(file.toFile());
        assertEquals(32, rows.size());
        List<String> ids = new ArrayList<>();
        for (JsonNode row : rows) {
            assertEquals(List.of("questionId", "prediction"), iterable(row.fieldNames()));
            assertTrue(row.get("prediction").isTextual());
            ids.add(row.get("questionId").asText());
        }
        assertEquals(ids.stream().sorted().toList(), ids, "question-id order");
        assertEquals("q01", ids.get(0));
        // the same answers as the run's: each miss in results.json predicts there what it predicts here
        java.util.Map<String, String> byId = new java.util.HashMap<>();
        for (JsonNode row : rows)
            byId.put(row.get("questionId").asText(), row.get("prediction").asText());
        JsonNode misses = Json.mapper().readTree(out.toFile()).get("misses");
        assertTrue(misses.size() > 0);
        for (JsonNode m : misses) {
            String p = m.path("prediction").isNull()
                    ? ""
                    : AnswerNormalizer.normalize(m.path("prediction").asText());
            assertEquals(p, byId.get(m.get("id").asText()), m.toString());
        }
    }

    @Test
    void nlvr2RunsWriteTheOfficialCsvEvenWhenResumed() throws IOException {
        var r = nlvr2(dir.resolve("nlvr2.json"));
        assertEquals(0, r.exitCode(), r.err());
        Path csv = dir.resolve("nlvr2.predictions.csv");
        assertTrue(r.out().contains("predictions: " + csv + " (NLVR2 predictions CSV, 4 pairs"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(
                List.of("dev-0-0-0", "dev-0-1-0", "dev-1-0-1", "dev-1-1-1"),
                lines.stream().map(l -> l.substring(0, l.indexOf(','))).toList());
        for (String l : lines) assertTrue(l.endsWith(",True") || l.endsWith(",False"), l);

        // a run killed after two pairs: the resumed run's file still has every pair, the restored ones too
        Path killed = dir.resolve("killed.json");
        Files.createDirectories(killed.resolve("in-the-way")); // the final write fails: the journal stays, complete
        assertEquals(1, nlvr2(killed).exitCode());
        Files.delete(killed.resolve("in-the-way"));
        Files.delete(killed);
        Path journal = dir.resolve("killed.json.journal");
        Files.write(journal, Files.readAllLines(journal).subList(0, 3));
        var resumed = nlvr2(killed);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("resuming: 2 questions already done"), resumed.err());
        assertEquals(lines, Files.readAllLines(dir.resolve("killed.predictions.csv")));
    }

    private static CliRunner.Result nlvr2(Path out) {
        return CliRunner.run(
                "eval",
                "--dataset",
                "nlvr2",
                "--root",
                FIXTURES.resolve("nlvr2").toString(),
                "--split",
                "dev",
                "--modules",
                ownModules(),
                "--out",
                out.toString());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
