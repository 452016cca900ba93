package org.sdvp.distill.experiment;

import java.io.PrintStream;
import org.sdvp.distill.stage.DistillStage;
import org.sdvp.distill.stage.StageMemo;
import org.sdvp.distill.stage.StageSpec;

/** Runs one distillation stage (an interface so that tests can run the experiment without training). */
public interface StageRunner extends AutoCloseable {
    /** Runs the stage {@code spec} (made from {@code plan}) and returns its summary. */
    StageSummary run(StagePlan plan, StageSpec spec, PrintStream log) throws Exception;

    /** How many stages this runner can run at once. */
    default int maxParallel() {
        return Integer.MAX_VALUE;
    }

    @Override
    default void close() throws Exception {}

    /**
     * The real stage in this process: {@link DistillStage#run}, with one {@link StageMemo} for all the stages it
     * runs (they share most pseudo-labels and replay sets; stage checkpoints are never rewritten within a run).
     * One stage at a time: DJL's PyTorch engine lets one gradient collector record per process
     * ({@code PtGradientCollector}: "Only one can be collecting at a time"); {@link StageWorkers} runs several.
     */
    static StageRunner distill() {
        StageMemo memo = StageMemo.remembering();
        return new StageRunner() {
            @Override
            public StageSummary run(StagePlan plan, StageSpec spec, PrintStream log) throws Exception {
                return StageSummary.of(plan, DistillStage.run(spec, log, memo));
            }

            @Override
            public int maxParallel() {
                return 1;
            }
        };
    }
}
