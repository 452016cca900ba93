package org.sdvp.distill.experiment;

import java.util.List;
import java.util.Map;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.stage.StageResult;
import org.sdvp.distill.train.DistillConfig;

/**
 * What the experiment keeps of a finished stage, as {@code experiment-stage.json} in its folder (beside the
 * stage's own {@code stage.json}): enough to resume the experiment without running it again, and to report
 * its curve, counts and timing.
 *
 * @param checkpoint   S_new's folder
 * @param callsFile    the calls it used (collected or reused)
 * @param collected    the collection's summary, or null when the calls were reused
 * @param labels       the pseudo-labels' summary
 * @param targets      labelled targets used
 * @param lossCurve    mean loss per window of steps
 * @param lossCurveWindow steps per curve point
 * @param seconds      wall time by part (collect, label, replay, distill)
 */
public record StageSummary(String id, String task, long seed, String startFrom, String reuseCallsOf,
                           List<String> replayCallsOf, DistillConfig config, LabelOptions labelOptions,
                           List<String> kinds, double dataFraction, int replayScenes, String checkpoint,
                           String callsFile, String collected, String labels, int targets, int replayCount,
                           List<Double> lossCurve, int lossCurveWindow, int steps, int resumedFrom, double trainSeconds,
                           Map<String, Double> seconds) {

    static StageSummary of(StagePlan plan, StageResult r) {
        var training = r.training();
        return new StageSummary(plan.id(), plan.task(), plan.seed(), plan.startFrom(), plan.reuseCallsOf(),
                plan.replayCallsOf(), plan.config(), plan.labels(),
                plan.kinds().stream().map(Enum::name).sorted().toList(), plan.dataFraction(), plan.replayScenes(),
                r.checkpoint().toString(), r.callsFile().toString(),
                r.collected() == null ? null : r.collected().summary(),
                r.labels() == null ? "" : r.labels().summary(), r.labels() == null ? 0 : r.labels().targets().size(),
                r.replayCount(), training == null ? List.of() : training.lossCurve(), training == null ? 0 : training.window(),
                training == null ? 0 : training.steps(), training == null ? 0 : training.resumedFrom(),
                training == null ? 0 : training.seconds(), r.seconds() == null ? Map.of() : r.seconds());
    }
}
