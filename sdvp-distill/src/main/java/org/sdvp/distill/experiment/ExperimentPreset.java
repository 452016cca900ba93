package org.sdvp.distill.experiment;

import java.util.ArrayList;
import java.util.List;
import org.sdvp.distill.train.DistillConfig;

/**
 * The sizes of an experiment run: every number {@code sdvp experiment} uses, in one place so the lead can
 * tune them. {@code quick} is a smoke-sized run (one seed, no ablations); {@code default} is the run whose
 * table goes into docs/results.md (three seeds, ablations).
 *
 * @param name            {@code quick} or {@code default}
 * @param testQuestions   test questions per task (all five tasks; nlvr-sim: sentence-pair rows)
 * @param trainQuestions  training questions traced per target task (gqa-sim, nlvr-sim)
 * @param steps           distillation steps per stage ({@link DistillConfig#defaults(int, long)})
 * @param replayScenes    general-data scenes replayed per SDVP stage (self-distillation)
 * @param seeds           distillation seeds; S0, teachers and data are shared by all of them
 * @param pretrainPreset  the student's pretraining preset ({@code sdvp pretrain --preset})
 * @param teacherPreset   the teachers' preset ({@code sdvp teacher train --preset})
 * @param ablations       whether the ablation rows run (one seed, target gqa-sim)
 * @param dataSeed        the world generator's base seed for every split
 * @param studentSeed     S0's pretraining seed
 * @param teacherSeed     the teachers' seed (data split and training)
 * @param evalConcurrency programs run at once per evaluation (their model calls batch together)
 */
public record ExperimentPreset(
        String name,
        int testQuestions,
        int trainQuestions,
        int steps,
        int replayScenes,
        List<Long> seeds,
        String pretrainPreset,
        String teacherPreset,
        boolean ablations,
        long dataSeed,
        long studentSeed,
        long teacherSeed,
        int evalConcurrency) {

    public ExperimentPreset {
        if (testQuestions < 1 || trainQuestions < 1) throw new IllegalArgumentException("question counts must be >= 1");
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1: " + steps);
        if (replayScenes < 0) throw new IllegalArgumentException("replayScenes must be >= 0: " + replayScenes);
        if (seeds.isEmpty()) throw new IllegalArgumentException("at least one seed is needed");
        if (seeds.stream().distinct().count() != seeds.size())
            throw new IllegalArgumentException("seeds repeat: " + seeds);
        if (evalConcurrency < 1) throw new IllegalArgumentException("evalConcurrency must be >= 1");
        seeds = List.copyOf(seeds);
    }

    public static ExperimentPreset quick() {
        return new ExperimentPreset("quick", 150, 300, 150, 200, List.of(1L), "quick", "quick", false, 1, 1, 1, 16);
    }

    public static ExperimentPreset standard() {
        // 1000 test questions: a paired change's 95 % interval is ±1.96·SD/√n, and the per-question SD of a
        // distilled row against the baseline measured 0.50–0.59 (docs/experiment.md, "How many test questions")
        return new ExperimentPreset(
                "default", 1000, 1000, 200, 300, List.of(1L, 2L, 3L), "default", "default", true, 1, 1, 1, 16);
    }

    public static List<String> names() {
        return List.of("quick", "default");
    }

    /** @throws IllegalArgumentException naming the valid presets */
    public static ExperimentPreset named(String name) {
        return switch (name) {
            case "quick" -> quick();
            case "default" -> standard();
            default ->
                throw new IllegalArgumentException(
                        "unknown preset '" + name + "'; valid presets: " + String.join(", ", names()));
        };
    }

    /** The DistillConfig of an SDVP stage at {@code seed}: the documented defaults for this preset's steps. */
    public DistillConfig distillConfig(long seed) {
        return DistillConfig.defaults(steps, seed);
    }

    public ExperimentPreset withSeeds(List<Long> newSeeds) {
        return new ExperimentPreset(
                name,
                testQuestions,
                trainQuestions,
                steps,
                replayScenes,
                newSeeds,
                pretrainPreset,
                teacherPreset,
                ablations,
                dataSeed,
                studentSeed,
                teacherSeed,
                evalConcurrency);
    }

    public ExperimentPreset withAblations(boolean on) {
        return new ExperimentPreset(
                name,
                testQuestions,
                trainQuestions,
                steps,
                replayScenes,
                seeds,
                pretrainPreset,
                teacherPreset,
                on,
                dataSeed,
                studentSeed,
                teacherSeed,
                evalConcurrency);
    }

    /** The seed the ablations run with: the first one. */
    public long ablationSeed() {
        return seeds.get(0);
    }

    /**
     * Parses {@code 1,2,3}: distinct non-negative integers.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static List<Long> parseSeeds(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("--seeds is empty; e.g. --seeds 1,2,3");
        List<Long> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            long s;
            try {
                s = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seeds: '" + p + "' is not a whole number; e.g. --seeds 1,2,3");
            }
            if (s < 0) throw new IllegalArgumentException("--seeds: " + s + " is negative");
            if (out.contains(s)) throw new IllegalArgumentException("--seeds: " + s + " appears twice");
            out.add(s);
        }
        return out;
    }
}
