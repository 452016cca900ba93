package org.sdvp.distill.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.distill.experiment.ExperimentEvaluation.Cell;
import org.sdvp.distill.report.ExperimentReport.Curve;
import org.sdvp.distill.report.ExperimentReport.FrameworkRows;
import org.sdvp.distill.report.ExperimentReport.Interval;

/** Turns the evaluated cells and stage summaries into the report's tables and curves. */
final class ReportBuilder {
    private ReportBuilder() {}

    /** A framework's main table: each row's mean ± spread over its seeds, per task. */
    static FrameworkRows table(String fw, List<RowPlan> rows, List<String> tasks, Map<Cell, EvalResult> cells) {
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        Map<String, Map<String, Double>> spreads = new LinkedHashMap<>();
        Map<String, Integer> runs = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RowPlan row : rows) {
            Map<String, Double> m = new LinkedHashMap<>(), sp = new LinkedHashMap<>();
            for (String task : tasks) {
                List<Double> scores = new ArrayList<>();
                for (String seed : row.seedLabels()) {
                    EvalResult r = cells.get(new Cell(fw, row.name(), seed, task));
                    if (r == null) continue;
                    scores.add(r.score());
                    counts.merge(task, r.count(), Math::max);
                }
                if (scores.isEmpty()) continue;
                Spread s = Spread.of(scores);
                m.put(task, s.mean());
                sp.put(task, s.spread());
            }
            means.put(row.name(), m);
            spreads.put(row.name(), sp);
            runs.put(row.name(), row.seedLabels().size());
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String t : tasks) if (counts.containsKey(t)) ordered.put(t, counts.get(t));
        return new FrameworkRows(means, spreads, ordered, runs);
    }

    /**
     * The ablation table: the baseline, the full sdvp row of the ablation seed (the 100 % / all-modules /
     * all-terms reference), then every ablation; all single runs.
     */
    static FrameworkRows ablationTable(
            String fw,
            ExperimentPlan plan,
            long seed,
            List<String> tasks,
            Map<Cell, EvalResult> cells,
            Map<Cell, QuestionScores> questions) {
        List<RowPlan> rows = new ArrayList<>();
        String sdvp = "sdvp:" + ExperimentPlan.ABLATION_TASK;
        for (RowPlan r : plan.rows()) {
            if (r.name().equals("baseline")) rows.add(r);
            if (r.name().equals(sdvp)) rows.add(new RowPlan(r.name(), r.backend(), List.of(seed), false));
        }
        rows.addAll(plan.ablationRows());
        FrameworkRows t = table(fw, rows, tasks, cells);
        Map<String, Map<String, Interval>> d = intervals(fw, rows, tasks, List.of(), questions);
        Map<String, Map<String, Double>> renamed = new LinkedHashMap<>();
        Map<String, Map<String, Interval>> renamedDeltas = new LinkedHashMap<>();
        Map<String, Integer> runs = new LinkedHashMap<>();
        t.rows().forEach((k, v) -> {
            String name = k.equals(sdvp) ? sdvp + " (seed " + seed + ")" : k;
            renamed.put(name, v);
            if (d.containsKey(k)) renamedDeltas.put(name, d.get(k));
            runs.put(name, 1);
        });
        return new FrameworkRows(renamed, Map.of(), t.counts(), runs, renamedDeltas);
    }

    /**
     * Every row's change against the baseline per task, in points, with its 95 % paired bootstrap interval
     * ({@link PairedBootstrap}: questions resampled, seeds pooled per question; each seed's own interval too when
     * there are several), and over {@code unseen} ({@link #UNSEEN_MEAN}) when the row has all of them.
     */
    static Map<String, Map<String, Interval>> intervals(
            String fw,
            List<RowPlan> rows,
            List<String> tasks,
            List<String> unseen,
            Map<Cell, QuestionScores> questions) {
        PairedBootstrap boot = new PairedBootstrap();
        Map<String, Map<String, Interval>> out = new LinkedHashMap<>();
        for (RowPlan row : rows) {
            if (row.name().equals("baseline") || row.name().equals("oracle")) continue;
            Map<String, Interval> byTask = new LinkedHashMap<>();
            Map<String, double[]> pooled = new LinkedHashMap<>();
            Map<String, Map<String, double[]>> perSeed = new LinkedHashMap<>();
            for (String task : tasks) {
                QuestionScores base = questions.get(new Cell(fw, "baseline", RowPlan.SHARED, task));
                if (base == null) continue;
                Map<String, double[]> seeds = new LinkedHashMap<>();
                for (String label : row.seedLabels()) {
                    QuestionScores q = questions.get(new Cell(fw, row.name(), label, task));
                    if (q != null)
                        seeds.put(label, PairedBootstrap.pooledDifferences(List.of(q.scores()), base.scores()));
                }
                if (seeds.isEmpty()) continue;
                double[] d = PairedBootstrap.pooledDifferences(
                        List.copyOf(seeds.values()), new double[base.scores().length]);
                pooled.put(task, d);
                perSeed.put(task, seeds);
                Map<String, Interval> own = new LinkedHashMap<>();
                if (seeds.size() > 1) seeds.forEach((label, v) -> own.put(label, boot.interval(v, task)));
                byTask.put(task, boot.interval(d, task).withSeeds(own));
            }
            if (!unseen.isEmpty() && pooled.keySet().containsAll(unseen)) {
                List<double[]> all = unseen.stream().map(pooled::get).toList();
                Map<String, Interval> own = new LinkedHashMap<>();
                if (row.seedLabels().size() > 1
                        && unseen.stream()
                                .allMatch(t -> perSeed.get(t).size()
                                        == row.seedLabels().size())) {
                    for (String label : row.seedLabels()) {
                        own.put(
                                label,
                                boot.meanInterval(
                                        unseen.stream()
                                                .map(t -> perSeed.get(t).get(label))
                                                .toList(),
                                        unseen));
                    }
                }
                byTask.put(UNSEEN_MEAN, boot.meanInterval(all, unseen).withSeeds(own));
            }
            out.put(row.name(), byTask);
        }
        return out;
    }

    /** The column of {@link #deltas} averaging the unseen tasks. */
    static final String UNSEEN_MEAN = "unseen mean";

    /**
     * Every row's change against the baseline per task (mean score − baseline score), and its mean over the
     * unseen tasks (the generality the acceptance criteria are about). No counts: these are differences.
     */
    static FrameworkRows deltas(FrameworkRows table, List<String> unseen) {
        Map<String, Double> base = table.rows().get("baseline");
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (base == null) return new FrameworkRows(out, Map.of(), Map.of(), Map.of());
        table.rows().forEach((row, scores) -> {
            if (row.equals("baseline") || row.equals("oracle")) return;
            Map<String, Double> d = new LinkedHashMap<>();
            List<Double> unseenDeltas = new ArrayList<>();
            scores.forEach((task, v) -> {
                Double b = base.get(task);
                if (b == null) return;
                d.put(task, v - b);
                if (unseen.contains(task)) unseenDeltas.add(v - b);
            });
            if (unseenDeltas.size() == unseen.size() && !unseen.isEmpty())
                d.put(UNSEEN_MEAN, Spread.of(unseenDeltas).mean());
            out.put(row, d);
        });
        return new FrameworkRows(out, Map.of(), Map.of(), table.runs());
    }

    /** {@code seed-N/STAGE} → its recorded seconds (wall {@code total} first, then by part), in plan order. */
    static Map<String, Map<String, Double>> stageTimes(Map<String, StageSummary> stages) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (StageSummary s : stages.values()) out.put("seed-" + s.seed() + "/" + s.id(), s.seconds());
        return out;
    }

    /** Each stage's loss curve, named {@code seed N STAGE loss}; x = the step at the end of each window. */
    static List<Curve> curves(Map<String, StageSummary> stages) {
        List<Curve> out = new ArrayList<>();
        for (StageSummary s : stages.values()) {
            List<Double> loss = s.lossCurve();
            if (loss == null || loss.isEmpty()) continue;
            int steps = s.steps() > 0 ? s.steps() : s.config().steps();
            List<Integer> x = new ArrayList<>();
            for (int i = 0; i < loss.size(); i++) {
                // the end of each window; without a recorded window, spread the points over the steps
                x.add(
                        s.lossCurveWindow() > 0
                                ? Math.min(steps, (i + 1) * s.lossCurveWindow())
                                : (int) Math.round((i + 1) * (double) steps / loss.size()));
            }
            out.add(new Curve("seed " + s.seed() + " " + s.id() + " loss", x, loss));
        }
        return out;
    }
}
