package org.sdvp.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;

class ModelCommandsTest {
    @Test
    void missingCheckpointFolderExitsTwoAndNamesIt(@TempDir Path tmp) {
        CliRunner.Result r = CliRunner.run(
                "eval-modules",
                "--task",
                "gqa-sim",
                "--questions",
                "2",
                "--modules",
                "vlm:" + tmp.resolve("no-such-student"));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("checkpoint folder not found") && r.err().contains("no-such-student"), r.err());
    }

    @Test
    void folderWithoutConfigExitsTwo(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("half"));
        CliRunner.Result r = CliRunner.run(
                "eval-modules", "--task", "gqa-sim", "--questions", "2", "--modules", "teacher:" + tmp.resolve("half"));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("has no config.json"), r.err());
    }

    @Test
    void unknownPresetAndTaskAreUsageErrors(@TempDir Path tmp) {
        CliRunner.Result p = CliRunner.run("pretrain", "--preset", "huge", "--out", tmp.toString());
        assertEquals(2, p.exitCode());
        assertTrue(p.err().contains("valid presets: quick, default"), p.err());
        CliRunner.Result t = CliRunner.run("teacher", "train", "--task", "vqa-sim", "--out", tmp.toString());
        assertEquals(2, t.exitCode());
        assertTrue(t.err().contains("valid tasks"), t.err());
    }

    @Test
    void teacherDataFolderWithoutScenesExitsTwoNamingTheFile(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("data/train"));
        CliRunner.Result r = CliRunner.run(
                "teacher",
                "train",
                "--task",
                "gqa-sim",
                "--data",
                tmp.resolve("data").toString(),
                "--out",
                tmp.resolve("t").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("scenes.json"), r.err());
    }
}
