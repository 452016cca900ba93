package org.sdvp.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;

class EvalModulesCallsTest {
    @TempDir
    Path dir;

    @Test
    void programCallsGradedByTheOracleArePerfectForTheOracleAndNotForTheWrongScenes() throws Exception {
        Path data = dir.resolve("data"), other = dir.resolve("other"), calls = dir.resolve("calls.jsonl");
        assertEquals(
                0,
                CliRunner.run(
                                "world",
                                "generate",
                                "--task",
                                "gqa-sim",
                                "--split",
                                "val",
                                "--count",
                                "6",
                                "--seed",
                                "1",
                                "--out",
                                data.toString())
                        .exitCode());
        // the same image names over other scenes: an oracle that answers about the wrong pictures
        assertEquals(
                0,
                CliRunner.run(
                                "world",
                                "generate",
                                "--task",
                                "gqa-sim",
                                "--split",
                                "val",
                                "--count",
                                "6",
                                "--seed",
                                "9",
                                "--out",
                                other.toString())
                        .exitCode());
        var c = CliRunner.run(
                "collect",
                "--task",
                "gqa-sim",
                "--data",
                data.toString(),
                "--split",
                "val",
                "--modules",
                "oracle",
                "--out",
                calls.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(Files.size(calls) > 0);

        var r = CliRunner.run(
                "eval-modules",
                "--task",
                "gqa-sim",
                "--calls",
                calls.toString(),
                "--data",
                data.toString(),
                "--modules",
                "oracle",
                "--out",
                dir.resolve("m.json").toString());
        assertEquals(0, r.exitCode(), r.err());
        Matcher acc = Pattern.compile("(\\w+)\\.(accuracy|recall|precision)\\s+([0-9.]+)")
                .matcher(r.out());
        int n = 0;
        while (acc.find()) {
            assertEquals("1.000", acc.group(3), r.out());
            n++;
        }
        assertTrue(n >= 1, r.out());
        assertTrue(Files.readString(dir.resolve("m.json")).contains("\"gold\""));

        var w = CliRunner.run(
                "eval-modules",
                "--task",
                "gqa-sim",
                "--calls",
                calls.toString(),
                "--data",
                data.toString(),
                "--modules",
                "oracle:" + other);
        assertEquals(0, w.exitCode(), w.err());
        Matcher wrong = Pattern.compile("vqa\\.accuracy\\s+([0-9.]+)").matcher(w.out());
        assertTrue(wrong.find(), w.out());
        assertTrue(Double.parseDouble(wrong.group(1)) < 1.0, w.out());
    }

    @Test
    void callsWithoutDataIsAUsageError() {
        var r = CliRunner.run(
                "eval-modules",
                "--task",
                "gqa-sim",
                "--calls",
                dir.resolve("c.jsonl").toString(),
                "--modules",
                "oracle");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--calls needs --data"), r.err());
    }

    @Test
    void aMissingCallsFileExitsTwoNamingIt() {
        var r = CliRunner.run(
                "eval-modules",
                "--task",
                "gqa-sim",
                "--calls",
                dir.resolve("none.jsonl").toString(),
                "--data",
                dir.toString(),
                "--modules",
                "oracle");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("none.jsonl"), r.err());
    }
}
