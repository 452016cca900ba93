package org.sdvp.distill.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sdvp.distill.report.ExperimentReport.FrameworkRows;

/** The result table as plain text, for the terminal: scores in points (0–100), mean ± spread over seeds. */
public final class ReportTable {
    private ReportTable() {}

    public static String render(String framework, FrameworkRows rows) {
        List<String> tasks = new ArrayList<>(tasks(rows));
        int rowWidth = Math.max(4, rows.rows().keySet().stream().mapToInt(String::length).max().orElse(4));
        int cell = Math.max(12, tasks.stream().mapToInt(String::length).max().orElse(12) + 1);
        StringBuilder b = new StringBuilder(framework).append('\n');
        b.append(pad("row", rowWidth));
        for (String t : tasks) b.append(' ').append(padLeft(t, cell));
        b.append('\n');
        for (var row : rows.rows().entrySet()) {
            b.append(pad(row.getKey(), rowWidth));
            Map<String, Double> spread = rows.spread().getOrDefault(row.getKey(), Map.of());
            for (String t : tasks) {
                Double v = row.getValue().get(t);
                b.append(' ').append(padLeft(v == null ? "–" : points(v, spread.get(t)), cell));
            }
            b.append('\n');
        }
        if (rows.counts().isEmpty()) return b.toString(); // a table of differences has no test-set sizes
        b.append(pad("n", rowWidth));
        for (String t : tasks) b.append(' ').append(padLeft(String.valueOf(rows.counts().getOrDefault(t, 0)), cell));
        return b.append('\n').toString();
    }

    /** Every table of a report: each framework's rows, then its ablations. */
    public static String render(ExperimentReport report) {
        StringBuilder b = new StringBuilder();
        report.frameworks().forEach((fw, rows) -> {
            b.append(render(fw, rows)).append('\n');
            FrameworkRows delta = report.deltas().get(fw);
            if (delta != null) b.append(render(fw + " change against the baseline (points)", delta)).append('\n');
        });
        report.ablations().forEach((fw, rows) -> b.append(render(fw + " ablations (one seed, target gqa-sim)", rows)).append('\n'));
        return b.toString();
    }

    /** {@code 87.4 ± 0.6}, or {@code 87.4} with no spread. */
    static String points(double score, Double spread) {
        String mean = String.format(Locale.ROOT, "%.1f", 100 * score);
        return spread == null || spread == 0 ? mean : mean + String.format(Locale.ROOT, " ± %.1f", 100 * spread);
    }

    static Set<String> tasks(FrameworkRows rows) {
        Set<String> tasks = new LinkedHashSet<>(rows.counts().keySet());
        rows.rows().values().forEach(r -> tasks.addAll(r.keySet()));
        return tasks;
    }

    private static String pad(String s, int w) { return s + " ".repeat(Math.max(0, w - s.length())); }

    private static String padLeft(String s, int w) { return " ".repeat(Math.max(0, w - s.length())) + s; }
}
