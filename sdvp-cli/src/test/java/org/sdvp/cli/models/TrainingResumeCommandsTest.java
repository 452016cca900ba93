package org.sdvp.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.io.OutputLock;
import org.sdvp.models.teacher.TeacherBuilder;
import org.sdvp.models.teacher.TeacherPreset;
import org.sdvp.models.train.ResumableTraining;
import org.sdvp.models.train.StateOptions;
import org.sdvp.models.vlm.PretrainPreset;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * {@code sdvp pretrain} and {@code sdvp teacher train} after a kill: the kill is simulated by what it leaves (a
 * state folder a few steps behind; scripts/chaos.sh does it with real kill -9), and the same command then ends
 * with the checkpoint of an uninterrupted run, its parameter file byte-identical.
 */
class TrainingResumeCommandsTest {
    @TempDir
    Path dir;

    private static final Map<String, String> PRETRAIN = Map.of(
            "steps", "8", "scenes", "10", "evalScenes", "3", "vqaBatch", "4", "matchBatch", "4", "locBatch", "2");
    private static final Map<String, String> TEACHER =
            Map.of("questions", "6", "steps", "8", "cropBatch", "8", "frameBatch", "2");

    private static List<String> sets(Map<String, String> settings) {
        List<String> out = new ArrayList<>();
        new java.util.TreeMap<>(settings).forEach((k, v) -> out.addAll(List.of("--set", k + "=" + v)));
        return out;
    }

    private static CliRunner.Result pretrain(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "pretrain", "--preset", "quick", "--seed", "2", "--checkpoint-every", "2", "--out", out.toString()));
        args.addAll(sets(PRETRAIN));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static CliRunner.Result teacher(Path out) {
        List<String> args = new ArrayList<>(List.of(
                "teacher",
                "train",
                "--task",
                "gqa-sim",
                "--preset",
                "quick",
                "--seed",
                "2",
                "--checkpoint-every",
                "3",
                "--out",
                out.toString()));
        args.addAll(sets(TEACHER));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void pretrainContinuesAfterAKillToTheUninterruptedWeights() throws Exception {
        Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
        assertEquals(0, pretrain(whole).exitCode());
        assertFalse(Files.exists(StateOptions.stateDir(whole)), "the state folder goes once the checkpoint is written");

        // the kill: after step 5, with the state of step 4 saved
        Pretrainer p = new Pretrainer(PretrainPreset.named("quick").with(PRETRAIN, Map.of()), 2);
        assertThrows(
                ResumableTraining.Stopped.class,
                () -> p.run(killed, null, StateOptions.beside(killed, 2).stoppingAfter(5)));
        assertFalse(Files.exists(killed.resolve("config.json")), "no checkpoint before the run ends");

        CliRunner.Result resumed = pretrain(killed);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(sha256(whole.resolve("model.params")), sha256(killed.resolve("model.params")));
        assertFalse(Files.exists(StateOptions.stateDir(killed)));
    }

    @Test
    void aStateOfOtherSettingsIsRefusedUntilRestart() throws Exception {
        Path out = dir.resolve("s");
        Pretrainer p = new Pretrainer(PretrainPreset.named("quick").with(PRETRAIN, Map.of()), 2);
        assertThrows(
                ResumableTraining.Stopped.class,
                () -> p.run(out, null, StateOptions.beside(out, 2).stoppingAfter(2)));
        CliRunner.Result other = pretrain(out, "--set", "learningRate=0.01");
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("another training run") && other.err().contains("learningRate"), other.err());
        CliRunner.Result restarted = pretrain(out, "--set", "learningRate=0.01", "--restart");
        assertEquals(0, restarted.exitCode(), restarted.err());
        assertTrue(Files.isRegularFile(out.resolve("config.json")));
    }

    @Test
    void aSecondWriterOnTheSameOutExits2NamingTheHolder() throws Exception {
        Path out = dir.resolve("held");
        try (OutputLock held = OutputLock.acquire(out, "sdvp pretrain (the first)")) {
            for (CliRunner.Result second : List.of(pretrain(out), teacher(out))) {
                assertEquals(2, second.exitCode());
                assertTrue(
                        second.err().contains("pid " + ProcessHandle.current().pid())
                                && second.err().contains("(the first)"),
                        second.err());
            }
        }
        assertFalse(Files.exists(out.resolve("config.json")));
    }

    @Test
    void teacherTrainContinuesAfterAKillToTheUninterruptedWeights() throws Exception {
        Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
        assertEquals(0, teacher(whole).exitCode());
        TeacherBuilder b = new TeacherBuilder(
                WorldTaskSpec.find("gqa-sim"), TeacherPreset.named("quick").with(TEACHER), 2);
        assertThrows(
                ResumableTraining.Stopped.class,
                () -> b.run(killed, null, null, StateOptions.beside(killed, 3).stoppingAfter(4)));
        CliRunner.Result resumed = teacher(killed);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(sha256(whole.resolve("model.params")), sha256(killed.resolve("model.params")));
        assertFalse(Files.exists(StateOptions.stateDir(killed)));
    }
}
