package org.sdvp.distill.experiment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.train.DistillConfig;

/**
 * One distillation stage the experiment runs, before any path is known. Built with {@link #builder} (SDVP's
 * defaults, named below, then what differs), so a plan reads as its difference from the default. The
 * components stay flat: the plan's JSON is part of a stage's recorded inputs.
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
public record StagePlan(
        String id,
        String task,
        long seed,
        String startFrom,
        String reuseCallsOf,
        List<String> replayCallsOf,
        DistillConfig config,
        LabelOptions labels,
        Set<ServiceKind> kinds,
        double dataFraction,
        int replayScenes) {
    /** Every sub-task is distilled. */
    public static final Set<ServiceKind> ALL_KINDS = Collections.unmodifiableSet(EnumSet.allOf(ServiceKind.class));
    /** All the labelled targets are kept. */
    public static final double ALL_DATA = 1.0;
    /** No general-data replay. */
    public static final int NO_REPLAY = 0;

    public StagePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        replayCallsOf = List.copyOf(replayCallsOf);
        if (kinds.isEmpty()) throw new IllegalArgumentException("stage " + id + ": no sub-task to distil");
        // enum order, not Set.copyOf's per-JVM order: the plan's JSON is part of a stage's recorded inputs
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }

    /** The stages this one needs finished first. */
    public List<String> dependencies() {
        List<String> d = new java.util.ArrayList<>();
        if (startFrom != null) d.add(startFrom);
        if (reuseCallsOf != null && !d.contains(reuseCallsOf)) d.add(reuseCallsOf);
        for (String r : replayCallsOf) if (!d.contains(r)) d.add(r);
        return d;
    }

    /**
     * A stage from S0 with the defaults: every sub-task ({@link #ALL_KINDS}), the answer-consistent filter
     * ({@link LabelOptions#defaults}), all the labelled data, no replay, its own collection.
     */
    public static Builder builder(String id, String task, long seed, DistillConfig config) {
        return new Builder(id, task, seed, config);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, task, seed, config);
        b.startFrom = startFrom;
        b.reuseCallsOf = reuseCallsOf;
        b.replayCallsOf = replayCallsOf;
        return b.labels(labels).kinds(kinds).dataFraction(dataFraction).replayScenes(replayScenes);
    }

    StagePlan reusingCallsOf(String other) {
        Builder b = toBuilder();
        b.reuseCallsOf = other;
        return b.build();
    }

    /** A stage plan by name: the defaults of {@link #builder}, then what differs. */
    public static final class Builder {
        private String id;
        private final String task;
        private final long seed;
        private DistillConfig config;
        private String startFrom;
        private String reuseCallsOf;
        private List<String> replayCallsOf = List.of();
        private LabelOptions labels = LabelOptions.defaults();
        private Set<ServiceKind> kinds = ALL_KINDS;
        private double dataFraction = ALL_DATA;
        private int replayScenes = NO_REPLAY;

        private Builder(String id, String task, long seed, DistillConfig config) {
            this.id = id;
            this.task = task;
            this.seed = seed;
            this.config = config;
        }

        public Builder id(String stageId) {
            id = stageId;
            return this;
        }

        /** Starts from the student the stage {@code stage} made, replaying that stage's calls (sequential SDVP). */
        public Builder continuing(String stage) {
            startFrom = stage;
            replayCallsOf = List.of(stage);
            return this;
        }

        public Builder config(DistillConfig c) {
            config = c;
            return this;
        }

        public Builder labels(LabelOptions l) {
            labels = l;
            return this;
        }

        public Builder kinds(Set<ServiceKind> k) {
            kinds = k;
            return this;
        }

        public Builder dataFraction(double f) {
            dataFraction = f;
            return this;
        }

        public Builder replayScenes(int scenes) {
            replayScenes = scenes;
            return this;
        }

        public StagePlan build() {
            return new StagePlan(
                    id,
                    task,
                    seed,
                    startFrom,
                    reuseCallsOf,
                    replayCallsOf,
                    config,
                    labels,
                    kinds,
                    dataFraction,
                    replayScenes);
        }
    }
}
