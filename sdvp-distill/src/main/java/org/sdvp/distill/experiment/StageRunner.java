package org.sdvp.distill.experiment;

import java.io.PrintStream;
import org.sdvp.distill.stage.DistillStage;
import org.sdvp.distill.stage.StageMemo;
import org.sdvp.distill.stage.StageResult;
import org.sdvp.distill.stage.StageSpec;

/** Runs one distillation stage (an interface so that tests can run the experiment without training). */
@FunctionalInterface
public interface StageRunner {
    StageResult run(StageSpec spec, PrintStream log) throws Exception;

    /**
     * The real stage: {@link DistillStage#run}, with one {@link StageMemo} for all the stages it runs (they
     * share most pseudo-labels and replay sets; stage checkpoints are never rewritten within a run).
     */
    static StageRunner distill() {
        StageMemo memo = StageMemo.remembering();
        return (spec, log) -> DistillStage.run(spec, log, memo);
    }
}
