package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.DataException;
import org.sdvp.models.ToyWorld;
import org.sdvp.models.train.ResumableTraining;
import org.sdvp.models.train.StepLoop;
import org.sdvp.models.train.SubTaskSet;

/**
 * The student's training after a kill: the state saved every few steps, and a run started again on it, end with
 * the weights of an uninterrupted run, byte for byte (one PyTorch thread, same seed).
 */
class TrainingResumeTest {
    private static final SubTaskSet DATA = ToyWorld.data(24, 3);
    private static final VlmTrainConfig CONFIG = VlmTrainConfig.defaults(12, 11).withBatches(8, 8, 2);

    private record Run(String sha256, StepLoop.Result result) {}

    private static Run train(ResumableTraining resume) throws Exception {
        try (VlmModel vlm = TinyVlm.create(DATA, 5)) {
            StepLoop.Result r = new VlmTrainer(vlm, CONFIG).train(DATA, null, resume);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            vlm.block().saveParameters(new DataOutputStream(bytes));
            return new Run(
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray())),
                    r);
        }
    }

    private static ResumableTraining state(Path dir) {
        return new ResumableTraining(dir, Map.of("run", "test", "config", CONFIG), DATA.sha256(), 4);
    }

    @Test
    void aRunKilledBetweenStatesResumesToTheUninterruptedWeights(@TempDir Path tmp) throws Exception {
        Run plain = train(null);
        Run saving = train(state(tmp.resolve("whole")));
        assertEquals(plain.sha256(), saving.sha256(), "saving states must not change the run");

        Path dir = tmp.resolve("killed");
        // killed after step 6: the state of step 4 survives, steps 5 and 6 are lost and done again
        assertThrows(ResumableTraining.Stopped.class, () -> train(state(dir).stopAfter(6)));
        assertEquals("step-000004", Files.readString(dir.resolve("latest")));
        // what a kill in the middle of a save leaves: a temporary folder, never read
        Files.createDirectories(dir.resolve("step-000008.tmp123"));
        Files.writeString(dir.resolve("step-000008.tmp123").resolve("model.params"), "half");
        Run resumed = train(state(dir));

        assertEquals(plain.sha256(), resumed.sha256());
        assertEquals(plain.result().lossCurve(), resumed.result().lossCurve());
        assertEquals(plain.result().firstLoss(), resumed.result().firstLoss());
        assertEquals(plain.result().lastLoss(), resumed.result().lastLoss());
        assertFalse(Files.exists(dir.resolve("step-000008.tmp123")), "the next save clears what a kill left");
    }

    @Test
    void aRunKilledAfterItsLastStepDoesNoStepAgain(@TempDir Path tmp) throws Exception {
        Run plain = train(null);
        Path dir = tmp.resolve("s");
        assertThrows(ResumableTraining.Stopped.class, () -> train(state(dir).stopAfter(CONFIG.steps())));
        Run resumed = train(state(dir));
        assertEquals(plain.sha256(), resumed.sha256());
        assertEquals(plain.result().lossCurve(), resumed.result().lossCurve());
        assertEquals(plain.result().lastLoss(), resumed.result().lastLoss());
    }

    @Test
    void aStateThatCannotBeWrittenStopsTheRunNamingTheFolderAndWhatToDo(@TempDir Path tmp) throws Exception {
        // a regular file where the state folder goes: the first save fails, as a full disk makes it fail
        Path dir = tmp.resolve("s");
        Files.writeString(dir, "not a folder");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> train(state(dir)));
        assertTrue(
                e.getMessage().startsWith("cannot write the training state to " + dir + " (")
                        && e.getMessage().endsWith("free space and run the same command again"),
                e.getMessage());
    }

    @Test
    void aStateOfAnotherRunIsRefusedNamingTheDifference(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("s");
        assertThrows(ResumableTraining.Stopped.class, () -> train(state(dir).stopAfter(4)));
        ResumableTraining other = new ResumableTraining(
                dir, Map.of("run", "test", "config", CONFIG.withLearningRate(1e-2f)), DATA.sha256(), 4);
        DataException e = assertThrows(DataException.class, () -> train(other));
        assertTrue(
                e.getMessage().contains("config.config.learningRate")
                        && e.getMessage().contains("another training run"),
                e.getMessage());
        ResumableTraining otherData = new ResumableTraining(dir, Map.of("run", "test", "config", CONFIG), "abc", 4);
        assertTrue(assertThrows(DataException.class, () -> train(otherData))
                .getMessage()
                .contains("other training data"));
    }
}
