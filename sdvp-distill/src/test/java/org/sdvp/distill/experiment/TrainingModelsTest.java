package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.models.teacher.TeacherPreset;
import org.sdvp.models.train.ResumableTraining;
import org.sdvp.models.train.StateOptions;
import org.sdvp.models.vlm.PretrainPreset;

/**
 * An experiment killed while it pretrains S0 continues mid-pretraining when run again: the models it trains save
 * their state beside the model folder, which the experiment deletes before retraining, and end with the weights
 * of an uninterrupted pretraining (one PyTorch thread, same seed).
 */
class TrainingModelsTest {
    @TempDir
    Path dir;

    /** The quick preset, shrunk to seconds. */
    private static final Function<String, PretrainPreset> TINY = name -> PretrainPreset.named(name)
            .with(
                    Map.of(
                            "steps",
                            "8",
                            "scenes",
                            "10",
                            "evalScenes",
                            "3",
                            "vqaBatch",
                            "4",
                            "matchBatch",
                            "4",
                            "locBatch",
                            "2"),
                    Map.of());

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static ExperimentModels.Student student(Path out, TrainingModels models, PrintStream log) throws Exception {
        return new ExperimentModels(new ExperimentLayout(out), models, log)
                .student(ExperimentPreset.named("quick"), null, List.of());
    }

    @Test
    void anExperimentKilledMidPretrainingResumesToTheUninterruptedWeights() throws Exception {
        TrainingModels models = new TrainingModels(TINY, TeacherPreset::named, out -> StateOptions.beside(out, 2));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path whole = student(dir.resolve("whole"), models, quiet).dir();

        // the kill: after step 5 of 8, with the state of step 4 saved beside the student folder
        Path killed = dir.resolve("killed");
        TrainingModels killing = new TrainingModels(
                TINY, TeacherPreset::named, out -> StateOptions.beside(out, 2).stoppingAfter(5));
        assertThrows(ResumableTraining.Stopped.class, () -> student(killed, killing, quiet));
        Path state = StateOptions.stateDir(new ExperimentLayout(killed).student());
        assertEquals("step-000004", Files.readString(state.resolve("latest")));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExperimentModels.Student resumed = student(killed, models, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("resuming: 4 of 8 steps already done"), log::toString);
        assertEquals(sha256(whole.resolve("model.params")), sha256(resumed.dir().resolve("model.params")));
        assertFalse(Files.exists(state), "the state goes once the checkpoint is written");
    }

    @Test
    void theStandardModelsSaveAStateEvery50StepsBesideTheOutputAsTheCommandsDo() {
        Path out = dir.resolve("student");
        assertEquals(
                StateOptions.beside(out, 50), TrainingModels.standard().states().apply(out));
        assertTrue(ModelBuilder.training() instanceof TrainingModels);
    }
}
