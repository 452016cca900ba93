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
 * @param curves      training curves (loss or validation score by step), by stage
 * @param examples    a few example traces, as HTML fragments, with their rationale
 * @param config      the full configuration (the config is the provenance)
 * @param provenance  code version, data recipes and hashes, checkpoints
 */
public record ExperimentReport(String preset, List<Long> seeds, Map<String, FrameworkRows> frameworks,
                               List<Curve> curves, List<ExampleTrace> examples, Map<String, Object> config,
                               Map<String, String> provenance) {
    public ExperimentReport {
        seeds = List.copyOf(seeds);
        frameworks = Map.copyOf(frameworks);
        curves = List.copyOf(curves);
        examples = List.copyOf(examples);
        config = Map.copyOf(config);
        provenance = Map.copyOf(provenance);
    }

    /**
     * One framework's table.
     *
     * @param rows   row → task → mean score over seeds, in [0, 1]; rows and tasks in display order
     * @param spread row → task → standard deviation over seeds (0 with one seed)
     * @param counts task → test questions per seed
     */
    public record FrameworkRows(Map<String, Map<String, Double>> rows, Map<String, Map<String, Double>> spread,
                                Map<String, Integer> counts) {}

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
