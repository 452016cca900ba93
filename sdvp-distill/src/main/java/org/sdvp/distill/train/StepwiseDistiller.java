package org.sdvp.distill.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.models.vlm.VlmModel;

/** Work in progress (lead): the stepwise distillation loop. */
public final class StepwiseDistiller {
    /**
     * @param lossCurve   mean loss per window of steps
     * @param steps       steps run in total (including those before a resume)
     * @param resumedFrom the step the run resumed from (0 for a fresh run)
     */
    public record Result(List<Double> lossCurve, int steps, int resumedFrom, double seconds, double samplesPerSecond) {}

    private final DistillConfig config;

    public StepwiseDistiller(DistillConfig config) { this.config = config; }

    /**
     * Trains {@code student} (S_prev, loaded) in place on {@code targets} and {@code replay}; writes resumable
     * state to {@code stateDir} every {@code config.checkpointEvery()} steps.
     */
    public Result distill(VlmModel student, DistillSet targets, DistillSet replay, Path stateDir, boolean resume,
                          PrintStream progress) throws IOException {
        throw new UnsupportedOperationException("in progress");
    }
}
