package org.sdvp.distill.experiment;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.train.DistillConfig;

/**
 * One distillation stage the experiment runs, before any path is known.
 *
 * @param id           unique within its seed, file-safe ({@code sdvp-gqa-sim}, {@code ablation-no-kl}, ...)
 * @param task         the target task
 * @param seed         the distillation seed
 * @param startFrom    the stage whose student S_prev is, or null for S0
 * @param reuseCallsOf an earlier stage (same seed, task, teacher and S_prev) whose collected calls are reused, or
 *                     null to collect
 * @param replayCallsOf earlier stages whose calls are replayed (sequential SDVP)
 * @param config       loss and optimisation
 * @param labels       filter and confidence threshold
 * @param kinds        the sub-tasks distilled
 * @param dataFraction share of the labelled targets kept
 * @param replayScenes general-data replay scenes (0: none)
 */
public record StagePlan(String id, String task, long seed, String startFrom, String reuseCallsOf,
                        List<String> replayCallsOf, DistillConfig config, LabelOptions labels, Set<ServiceKind> kinds,
                        double dataFraction, int replayScenes) {
    public StagePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        replayCallsOf = List.copyOf(replayCallsOf);
        if (kinds.isEmpty()) throw new IllegalArgumentException("stage " + id + ": no sub-task to distil");
        // enum order, not Set.copyOf's per-JVM order: the plan's JSON is part of a stage's recorded inputs
        kinds = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(kinds));
    }

    /** The stages this one needs finished first. */
    public List<String> dependencies() {
        List<String> d = new java.util.ArrayList<>();
        if (startFrom != null) d.add(startFrom);
        if (reuseCallsOf != null && !d.contains(reuseCallsOf)) d.add(reuseCallsOf);
        for (String r : replayCallsOf) if (!d.contains(r)) d.add(r);
        return d;
    }

    StagePlan reusingCallsOf(String other) {
        return new StagePlan(id, task, seed, startFrom, other, replayCallsOf, config, labels, kinds, dataFraction, replayScenes);
    }
}
