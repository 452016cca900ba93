package org.sdvp.distill.report;

import java.util.List;
import java.util.Map;

/**
 * What {@code sdvp experiment} writes to {@code report.json}: per framework, the score of every row
 * (oracle, baseline, teacher-swap, naive-ft, sdvp:TASK, sdvp-seq, ablations) on every task's test split.
 *
 * @param preset      the preset that made it
 * @param seeds       the seeds the scores are averaged over
 * @param frameworks  {@code visprog}, {@code viper} → their rows
 * @param deltas      {@code visprog}, ... → each row's change against the baseline (score − baseline, in [−1, 1])
 *                    per task, plus {@code unseen mean}: the mean change over the unseen tasks
 * @param ablations   {@code visprog}, ... → the ablation table (one seed, target gqa-sim, with the baseline and
 *                    the full sdvp:gqa-sim row of that seed for reference); empty without ablations
 * @param curves      training curves (loss or validation score by step), by stage
 * @param examples    a few example traces, as HTML fragments, with their rationale
 * @param config      the full configuration (the config is the provenance)
 * @param provenance  code version, data recipes and hashes, checkpoints
 * @param timings     wall time in seconds by part (data, student, teachers, collect, distill, eval, ...)
 * @param stageTimes  {@code seed-N/STAGE} → its seconds when it ran: {@code total} (wall) and by part (collect,
 *                    label, replay, distill); stages run side by side, so totals add up to more than the wall time
 * @param notes       how to read the numbers (which rows are seed-independent, what was reused)
 */
public record ExperimentReport(
        String preset,
        List<Long> seeds,
        Map<String, FrameworkRows> frameworks,
        Map<String, FrameworkRows> deltas,
        Map<String, FrameworkRows> ablations,
        List<Curve> curves,
        List<ExampleTrace> examples,
        Map<String, Object> config,
        Map<String, String> provenance,
        Map<String, Double> timings,
        Map<String, Map<String, Double>> stageTimes,
        List<String> notes) {
    public ExperimentReport {
        seeds = List.copyOf(seeds);
        frameworks = new java.util.LinkedHashMap<>(frameworks);
        deltas = new java.util.LinkedHashMap<>(deltas);
        ablations = new java.util.LinkedHashMap<>(ablations);
        curves = List.copyOf(curves);
        examples = List.copyOf(examples);
        config = new java.util.LinkedHashMap<>(config);
        provenance = new java.util.TreeMap<>(provenance);
        timings = new java.util.LinkedHashMap<>(timings);
        stageTimes = stageTimes == null ? Map.of() : new java.util.LinkedHashMap<>(stageTimes);
        notes = List.copyOf(notes);
    }

    /** A report without ablations, timings or notes. */
    public ExperimentReport(
            String preset,
            List<Long> seeds,
            Map<String, FrameworkRows> frameworks,
            List<Curve> curves,
            List<ExampleTrace> examples,
            Map<String, Object> config,
            Map<String, String> provenance) {
        this(
                preset,
                seeds,
                frameworks,
                Map.of(),
                Map.of(),
                curves,
                examples,
                config,
                provenance,
                Map.of(),
                Map.of(),
                List.of());
    }

    /**
     * One framework's table.
     *
     * @param rows   row → task → mean score over seeds, in [0, 1]; rows and tasks in display order
     * @param spread row → task → standard deviation over seeds (0 with one seed)
     * @param counts task → test questions per seed
     * @param runs   row → how many seeds its numbers are over (1 for seed-independent rows: oracle, baseline,
     *               teacher-swap, whose spread is therefore 0 by construction, not measured)
     * @param deltas row → task → its change against the baseline in points with a 95 % paired bootstrap
     *               interval over the test questions (and {@code unseen mean}); empty for a table without a baseline
     */
    public record FrameworkRows(
            Map<String, Map<String, Double>> rows,
            Map<String, Map<String, Double>> spread,
            Map<String, Integer> counts,
            Map<String, Integer> runs,
            Map<String, Map<String, Interval>> deltas) {
        public FrameworkRows {
            runs = runs == null ? Map.of() : runs;
            deltas = deltas == null ? Map.of() : deltas;
        }

        public FrameworkRows(
                Map<String, Map<String, Double>> rows,
                Map<String, Map<String, Double>> spread,
                Map<String, Integer> counts,
                Map<String, Integer> runs) {
            this(rows, spread, counts, runs, Map.of());
        }

        public FrameworkRows(
                Map<String, Map<String, Double>> rows,
                Map<String, Map<String, Double>> spread,
                Map<String, Integer> counts) {
            this(rows, spread, counts, Map.of());
        }

        public FrameworkRows withDeltas(Map<String, Map<String, Interval>> d) {
            return new FrameworkRows(rows, spread, counts, runs, d);
        }
    }

    /**
     * A change against the baseline, in points, with its 95 % paired bootstrap interval over the test questions
     * (docs/experiment.md, "How sure is a change?").
     *
     * @param seeds each seed's own change and interval ({@code seed-N} → it) for rows with several seeds; empty
     *              otherwise (the pooled interval does not cover the seeds' spread: read the two together)
     */
    public record Interval(
            double mean,
            double lo,
            double hi,

            @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            Map<String, Interval> seeds) {
        public Interval {
            seeds = seeds == null ? Map.of() : new java.util.LinkedHashMap<>(seeds);
        }

        /** From score units ([−1, 1]) to points, rounded to 0.001 point. */
        public static Interval ofScores(double mean, double lo, double hi) {
            return new Interval(points(mean), points(lo), points(hi), Map.of());
        }

        public Interval withSeeds(Map<String, Interval> perSeed) {
            return new Interval(mean, lo, hi, perSeed);
        }

        /** Whether the interval excludes 0 (the change is larger than the test questions' sampling noise). */
        public boolean excludesZero() {
            return lo > 0 || hi < 0;
        }

        private static double points(double score) {
            return Math.round(score * 100_000) / 1000.0;
        }
    }

    /** A named series, e.g. the distillation loss of stage {@code sdvp:gqa-sim} by step. */
    public record Curve(String name, List<Integer> steps, List<Double> values) {
        public Curve {
            if (steps.size() != values.size()) throw new IllegalArgumentException("steps and values differ in length");
            steps = List.copyOf(steps);
            values = List.copyOf(values);
        }
    }

    /** An example trace: a title (the question, the row) and its HTML rationale fragment. */
    public record ExampleTrace(String title, String html) {}
}
