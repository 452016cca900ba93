package org.sdvp.distill.experiment;

import java.util.List;
import java.util.Objects;

/**
 * One row of the table: which backends answer the modules, and for which seeds it is evaluated.
 *
 * @param name     the row's name in the report ({@code baseline}, {@code sdvp:gqa-sim}, {@code ablation:no-kl})
 * @param backend  what answers the modules
 * @param seeds    the seeds it is evaluated for; empty for a row that involves no training with a seed (oracle,
 *                 baseline, teacher-swap: S0 and the teachers are shared by every seed, so they are evaluated once)
 * @param ablation whether the row belongs to the ablation table
 */
public record RowPlan(String name, Backend backend, List<Long> seeds, boolean ablation) {
    public RowPlan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backend, "backend");
        seeds = List.copyOf(seeds);
    }

    /** The label of a seed-independent row's results folder. */
    public static final String SHARED = "shared";

    public boolean perSeed() {
        return !seeds.isEmpty();
    }

    /** The folders its results go to: one per seed, or {@link #SHARED}. */
    public List<String> seedLabels() {
        return perSeed() ? seeds.stream().map(s -> "seed-" + s).toList() : List.of(SHARED);
    }

    /** The row's name as a folder name ({@code sdvp:gqa-sim} → {@code sdvp_gqa-sim}). */
    public String dirName() {
        return name.replace(':', '_');
    }

    /**
     * What answers a row's modules.
     *
     * @param kind        oracle, student (S0), teacher-swap (the teacher of {@code teacherTask} over S0), or stage (a
     *                    distilled student)
     * @param teacherTask for teacher-swap
     * @param stageId     for stage rows: the stage whose student answers
     */
    public record Backend(Kind kind, String teacherTask, String stageId) {
        public static Backend oracle() {
            return new Backend(Kind.ORACLE, null, null);
        }

        public static Backend student() {
            return new Backend(Kind.STUDENT, null, null);
        }

        public static Backend teacherSwap(String task) {
            return new Backend(Kind.TEACHER_SWAP, task, null);
        }

        public static Backend stage(String id) {
            return new Backend(Kind.STAGE, null, id);
        }
    }

    public enum Kind {
        ORACLE,
        STUDENT,
        TEACHER_SWAP,
        STAGE
    }
}
