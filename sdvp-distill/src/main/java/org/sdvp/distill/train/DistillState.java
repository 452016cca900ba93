package org.sdvp.distill.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sdvp.core.io.DataException;
import org.sdvp.models.train.SavableAdam;
import org.sdvp.models.train.TrainingState;
import org.sdvp.models.vlm.VlmModel;

/**
 * The resumable state of a distillation run in a folder: a {@link TrainingState} ({@code step-NNNNNN/}
 * folders with the student's parameters, the optimiser's moments and {@code state.json}, and a {@code latest}
 * file naming the newest complete one), written so that a run killed at any moment leaves the previous
 * state intact.
 */
final class DistillState {
    private final TrainingState state;

    DistillState(Path dir) {
        this.state = new TrainingState(dir, "student.params");
    }

    void save(int step, List<Double> curve, JsonNode config, String dataSha256, VlmModel student, SavableAdam adam)
            throws IOException {
        state.save(
                new TrainingState.Info(step, curve, null, null, null, null, config, dataSha256), student.block(), adam);
    }

    /** The newest complete state's info, or null when the folder holds none. */
    TrainingState.Info latest() throws DataException {
        return state.latest();
    }

    /** Loads the newest state's parameters into {@code student} (call before creating its trainer). */
    void loadParameters(VlmModel student) throws DataException {
        state.loadParameters(student.block(), student.model().getNDManager());
    }

    void loadOptimizer(SavableAdam adam, VlmModel student) throws DataException {
        state.loadOptimizer(adam, student.model().getNDManager());
    }
}
