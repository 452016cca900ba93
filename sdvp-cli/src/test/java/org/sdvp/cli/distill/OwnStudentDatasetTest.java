package org.sdvp.cli.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.io.Json;

/**
 * The own-student path on real datasets' folders, as a user runs it: {@code collect --dataset D --root DIR},
 * {@code eval-modules --dataset D --calls} (graded by the dataset's own oracle), and {@code distill --dataset D
 * --student torchscript:DIR} on those calls, whose saved student must load back with the trained outputs.
 */
class OwnStudentDatasetTest {
    static final Path OWN = Path.of("..", "sdvp-backends", "src", "test", "resources", "own-models");
    static final Path FIXTURES = Path.of("..", "sdvp-data", "src", "test", "resources", "fixtures");

    @TempDir
    Path dir;

    private Path collect(String dataset, String split) {
        Path calls = dir.resolve(dataset + "-calls.jsonl");
        var r = CliRunner.run(
                "collect",
                "--dataset",
                dataset,
                "--root",
                FIXTURES.resolve(dataset).toString(),
                "--split",
                split,
                "--modules",
                dataset + "-oracle",
                "--out",
                calls.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("calls: " + calls), r.out());
        return calls;
    }

    private static double metric(String out, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\s+([0-9.]+)").matcher(out);
        assertTrue(m.find(), name + " in " + out);
        return Double.parseDouble(m.group(1));
    }

    @ParameterizedTest
    @CsvSource({"clevr, val", "gqa, val_balanced"})
    void collectEvalModulesAndDistillRunOnADatasetsFolder(String dataset, String split) throws Exception {
        Path calls = collect(dataset, split);
        String root = FIXTURES.resolve(dataset).toString();

        // the dataset's own oracle is the default gold: it agrees with itself on every call it grades
        var gold = CliRunner.run(
                "eval-modules",
                "--dataset",
                dataset,
                "--root",
                root,
                "--calls",
                calls.toString(),
                "--modules",
                dataset + "-oracle",
                "--out",
                dir.resolve("m.json").toString());
        assertEquals(0, gold.exitCode(), gold.err());
        assertTrue(gold.out().contains("gold: " + dataset + "-oracle"), gold.out());
        assertEquals(1.0, metric(gold.out(), "vqa.accuracy"), gold.out());
        assertTrue(metric(gold.out(), "vqa.calls") > 0, gold.out());
        assertEquals(
                dataset + "-oracle",
                Json.mapper()
                        .readTree(dir.resolve("m.json").toFile())
                        .get("gold")
                        .asText());

        Path out = dir.resolve("own");
        var d = CliRunner.run(
                "distill",
                "--dataset",
                dataset,
                "--root",
                root,
                "--student",
                "torchscript:" + OWN.resolve("vqa-torchscript"),
                "--teacher",
                dataset + "-oracle",
                "--calls",
                calls.toString(),
                "--no-filter",
                "--steps",
                "5",
                "--out",
                out.toString());
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(d.out().contains("reloaded (DJL)"), d.out());
        JsonNode config =
                Json.mapper().readTree(out.resolve("student/config.json").toFile());
        assertEquals(dataset, config.get("task").asText());
        assertEquals(dataset + "-oracle", config.at("/data/teacher").asText());
        assertTrue(config.at("/reloadCheck/inputs").asInt() > 0, config.toString());
        assertEquals(0.0, config.at("/reloadCheck/largestDifference").asDouble(), 1e-5);

        // the distilled student is measured on the same calls like any backend (it has VQA only: the oracle
        // answers the LOC calls, or eval-modules stops naming the missing service)
        var student = CliRunner.run(
                "eval-modules",
                "--dataset",
                dataset,
                "--root",
                root,
                "--calls",
                calls.toString(),
                "--modules",
                "torchscript:" + out.resolve("student") + "," + dataset + "-oracle");
        assertEquals(0, student.exitCode(), student.err());
        double acc = metric(student.out(), "vqa.accuracy");
        assertTrue(acc >= 0 && acc <= 1, student.out());
    }

    @Test
    void aWorldFolderIsReadAsClevrAndGradedByClevrsOracleAsByTheWorlds() throws Exception {
        Path world = dir.resolve("world");
        assertEquals(0, CliRunner.generate("gqa-sim", "val", 6, 2, world).exitCode());
        Path calls = dir.resolve("calls.jsonl");
        var c = CliRunner.run(
                "collect",
                "--dataset",
                "clevr",
                "--root",
                world.toString(),
                "--split",
                "val",
                "--modules",
                "clevr-oracle",
                "--out",
                calls.toString());
        assertEquals(0, c.exitCode(), c.err());
        var asClevr = CliRunner.run(
                "eval-modules",
                "--dataset",
                "clevr",
                "--root",
                world.toString(),
                "--calls",
                calls.toString(),
                "--modules",
                "oracle:" + world);
        assertEquals(0, asClevr.exitCode(), asClevr.err());
        assertEquals(1.0, metric(asClevr.out(), "vqa.accuracy"), asClevr.out());
        // --gold names any chain: here the world's oracle grades CLEVR's oracle
        var byWorld = CliRunner.run(
                "eval-modules",
                "--dataset",
                "clevr",
                "--calls",
                calls.toString(),
                "--gold",
                "oracle:" + world,
                "--modules",
                "clevr-oracle:" + world.resolve("val/scenes.json"));
        assertEquals(0, byWorld.exitCode(), byWorld.err());
        assertTrue(byWorld.out().contains("gold: oracle:" + world), byWorld.out());
        assertEquals(1.0, metric(byWorld.out(), "vqa.accuracy"), byWorld.out());
    }

    @Test
    void datasetsNeedCallsAndAGoldTheyHave() throws Exception {
        var noCalls = CliRunner.run("eval-modules", "--dataset", "clevr", "--modules", "clevr-oracle");
        assertEquals(2, noCalls.exitCode(), noCalls.err());
        assertTrue(noCalls.err().contains("--dataset clevr needs --calls FILE"), noCalls.err());

        var noGold = CliRunner.run(
                "eval-modules",
                "--dataset",
                "nlvr2",
                "--root",
                FIXTURES.resolve("nlvr2").toString(),
                "--calls",
                dir.resolve("calls.jsonl").toString(),
                "--modules",
                "oracle");
        assertEquals(2, noGold.exitCode(), noGold.err());
        assertTrue(noGold.err().contains("pass --gold SPEC"), noGold.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.findAny().isPresent(), "nothing written");
        }
    }
}
