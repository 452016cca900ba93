package org.sdvp.cli.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;

class WorldCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatesASplitThatEvalScoresPerfectlyOnTheOracle() throws Exception {
        var r = CliRunner.run(
                "world",
                "generate",
                "--task",
                "count-sim",
                "--split",
                "test",
                "--count",
                "12",
                "--seed",
                "4",
                "--out",
                dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("test/questions.json")));
        assertTrue(Files.isRegularFile(dir.resolve("test/images/count-sim_test_000011.png")));
        Path results = dir.resolve("results.json");
        var e = CliRunner.run(
                "eval",
                "--task",
                "count-sim",
                "--data",
                dir.toString(),
                "--split",
                "test",
                "--modules",
                "oracle",
                "--out",
                results.toString());
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("exact-match 1.0000 on 12 questions"), e.out());
    }

    @Test
    void nativeViperGptProgramsScorePerfectlyOnTheOracleAndNeedTheViperFramework() throws Exception {
        assertEquals(
                0,
                CliRunner.run(
                                "world",
                                "generate",
                                "--task",
                                "gqa-sim",
                                "--split",
                                "test",
                                "--count",
                                "8",
                                "--seed",
                                "2",
                                "--out",
                                dir.toString())
                        .exitCode());
        var e = CliRunner.run(
                "eval",
                "--task",
                "gqa-sim",
                "--data",
                dir.toString(),
                "--split",
                "test",
                "--framework",
                "viper",
                "--programs",
                "native",
                "--modules",
                "oracle",
                "--out",
                dir.resolve("r.json").toString());
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("exact-match 1.0000 on 8 questions"), e.out());
        var bad = CliRunner.run(
                "eval",
                "--task",
                "gqa-sim",
                "--data",
                dir.toString(),
                "--split",
                "test",
                "--programs",
                "native",
                "--modules",
                "oracle",
                "--out",
                dir.resolve("r2.json").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("writes no programs of its own for --framework visprog"), bad.err());
    }

    @Test
    void unknownTaskOrStyleExitsTwoListingTheValidOnes() {
        var r = CliRunner.run("world", "generate", "--task", "vqa-sim", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("gqa-sim, nlvr-sim, count-sim, ref-sim, tag-sim"), r.err());
        r = CliRunner.run("world", "generate", "--task", "gqa-sim", "--style", "noir", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("studio, overcast, fog, dusk, clutter"), r.err());
    }

    @Test
    void anExistingSplitIsOnlyReplacedWithForce() throws Exception {
        Files.createDirectories(dir.resolve("val"));
        Files.writeString(dir.resolve("val/keep.txt"), "mine");
        String[] args = {
            "world", "generate", "--task", "ref-sim", "--split", "val", "--count", "3", "--out", dir.toString()
        };
        var r = CliRunner.run(args);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--force"), r.err());
        assertTrue(Files.exists(dir.resolve("val/keep.txt")));
        String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
        forced[args.length] = "--force";
        assertEquals(0, CliRunner.run(forced).exitCode());
        assertTrue(!Files.exists(dir.resolve("val/keep.txt")));
    }

    @Test
    void helpDescribesTheOptions() {
        var r = CliRunner.run("world", "generate", "--help");
        assertEquals(0, r.exitCode());
        for (String opt : new String[] {"--task", "--split", "--count", "--seed", "--out", "--style", "--force"}) {
            assertTrue(r.out().contains(opt), opt);
        }
        assertTrue(CliRunner.run("world", "list").out().contains("nlvr-sim"));
    }

    @Test
    void evalOnACorruptQuestionsFileNamesTheFileAndPositionAndACutFileKeepsItsCompleteQuestions() throws Exception {
        assertEquals(
                0,
                CliRunner.run(
                                "world",
                                "generate",
                                "--task",
                                "gqa-sim",
                                "--split",
                                "test",
                                "--count",
                                "2",
                                "--out",
                                dir.toString())
                        .exitCode());
        Path q = dir.resolve("test/questions.json");
        String whole = Files.readString(q);
        // a syntax error inside the file: refused before anything runs, naming the file and the position
        Files.writeString(q, whole.substring(0, 150) + "@@" + whole.substring(150));
        var corrupt = evalOracle();
        assertEquals(2, corrupt.exitCode());
        assertTrue(corrupt.err().contains(q.toString()) && corrupt.err().contains("line 1, column"), corrupt.err());
        // a file cut short (a copy that stopped): its complete questions run, the cut is one recorded error
        Files.writeString(q, whole.substring(0, 200));
        var cut = evalOracle();
        assertEquals(0, cut.exitCode(), cut.err());
        assertTrue(Files.readString(dir.resolve("r.json")).contains("truncated-json"));
    }

    private CliRunner.Result evalOracle() {
        return CliRunner.run(
                "eval",
                "--task",
                "gqa-sim",
                "--data",
                dir.toString(),
                "--split",
                "test",
                "--modules",
                "oracle",
                "--out",
                dir.resolve("r.json").toString());
    }
}
