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
 * @param seconds      wall time by part (collect, label, replay, distill), and {@link #WALL} for the whole stage
 */
public record StageSummary(
        String id,
        String task,
        long seed,
        String startFrom,
        String reuseCallsOf,
        List<String> replayCallsOf,
        DistillConfig config,
        LabelOptions labelOptions,
        List<String> kinds,
        double dataFraction,
        int replayScenes,
        String checkpoint,
        String callsFile,
        String collected,
        String labels,
        int targets,
        int replayCount,
        List<Double> lossCurve,
        int lossCurveWindow,
        int steps,
        int resumedFrom,
        double trainSeconds,
        Map<String, Double> seconds) {

    /** The key of {@link #seconds} with the stage's whole wall time (the other keys are its parts). */
    public static final String WALL = "total";

    /** This summary with the stage's wall time added to {@link #seconds} (as {@link #WALL}). */
    StageSummary withWall(double wallSeconds) {
        Map<String, Double> s = new java.util.LinkedHashMap<>();
        s.put(WALL, wallSeconds);
        s.putAll(seconds);
        return new StageSummary(
                id,
                task,
                seed,
                startFrom,
                reuseCallsOf,
                replayCallsOf,
                config,
                labelOptions,
                kinds,
                dataFraction,
                replayScenes,
                checkpoint,
                callsFile,
                collected,
                labels,
                targets,
                replayCount,
                lossCurve,
                lossCurveWindow,
                steps,
                resumedFrom,
                trainSeconds,
                s);
    }

    static StageSummary of(StagePlan plan, StageResult r) {
        var training = r.training();
        return new StageSummary(
                plan.id(),
                plan.task(),
                plan.seed(),
                plan.startFrom(),
                plan.reuseCallsOf(),
                plan.replayCallsOf(),
                plan.config(),
                plan.labels(),
                plan.kinds().stream().map(Enum::name).sorted().toList(),
                plan.dataFraction(),
                plan.replayScenes(),
                r.checkpoint().toString(),
                r.callsFile().toString(),
                r.collected() == null ? null : r.collected().summary(),
                r.labels() == null ? "" : r.labels().summary(),
                r.labels() == null ? 0 : r.labels().targets().size(),
                r.replayCount(),
                training == null ? List.of() : training.lossCurve(),
                training == null ? 0 : training.window(),
                training == null ? 0 : training.steps(),
                training == null ? 0 : training.resumedFrom(),
                training == null ? 0 : training.seconds(),
                r.seconds() == null ? Map.of() : r.seconds());
    }
}
