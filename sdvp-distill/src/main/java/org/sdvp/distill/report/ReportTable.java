package org.sdvp.distill.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sdvp.distill.report.ExperimentReport.FrameworkRows;
import org.sdvp.distill.report.ExperimentReport.Interval;

/**
 * The result tables as plain text, for the terminal: scores in points (0–100), mean ± spread over seeds, and
 * each change against the baseline with its 95 % paired bootstrap interval.
 */
public final class ReportTable {
    private ReportTable() {}

    public static String render(String framework, FrameworkRows rows) {
        List<String> tasks = new ArrayList<>(tasks(rows));
        String table = grid(
                framework,
                rows.rows().keySet(),
                tasks,
                (row, t) -> {
                    Double v = rows.rows().get(row).get(t);
                    return v == null
                            ? "–"
                            : points(
                                    v, rows.spread().getOrDefault(row, Map.of()).get(t));
                },
                12);
        if (rows.counts().isEmpty()) return table; // a table of differences has no test-set sizes
        StringBuilder b =
                new StringBuilder(table).append(pad("n", rowWidth(rows.rows().keySet())));
        int cell = cellWidth(tasks, 12);
        for (String t : tasks)
            b.append(' ').append(padLeft(String.valueOf(rows.counts().getOrDefault(t, 0)), cell));
        return b.append('\n').toString();
    }

    /** The changes against the baseline with their intervals: {@code +4.4 [+1.2, +7.6]} per cell. */
    public static String renderIntervals(String title, Map<String, Map<String, Interval>> deltas) {
        Set<String> columns = new LinkedHashSet<>();
        deltas.values().forEach(r -> columns.addAll(r.keySet()));
        return grid(
                title,
                deltas.keySet(),
                List.copyOf(columns),
                (row, t) -> {
                    Interval i = deltas.get(row).get(t);
                    return i == null ? "–" : interval(i);
                },
                19);
    }

    /** Every table of a report: each framework's rows and changes, then its ablations and theirs. */
    public static String render(ExperimentReport report) {
        StringBuilder b = new StringBuilder();
        report.frameworks().forEach((fw, rows) -> {
            b.append(render(fw, rows)).append('\n');
            FrameworkRows delta = report.deltas().get(fw);
            if (!rows.deltas().isEmpty()) {
                b.append(renderIntervals(fw + " change against the baseline (points, " + INTERVAL + ")", rows.deltas()))
                        .append('\n');
            } else if (delta != null) {
                b.append(render(fw + " change against the baseline (points)", delta))
                        .append('\n');
            }
        });
        report.ablations().forEach((fw, rows) -> {
            b.append(render(fw + " ablations (one seed, target gqa-sim)", rows)).append('\n');
            if (!rows.deltas().isEmpty()) {
                b.append(renderIntervals(
                                fw + " ablations: change against the baseline (points, " + INTERVAL + ")",
                                rows.deltas()))
                        .append('\n');
            }
        });
        return b.toString();
    }

    /** What the brackets are. */
    public static final String INTERVAL = "[95 % paired bootstrap interval over the test questions]";

    /** {@code +4.4 [+1.2, +7.6]}. */
    public static String interval(Interval i) {
        return signed(i.mean()) + " [" + signed(i.lo()) + ", " + signed(i.hi()) + "]";
    }

    /** {@code +1.2}, {@code -0.3}, {@code 0.0} (no sign when it rounds to zero). */
    static String signed(double points) {
        double r = Math.round(points * 10) / 10.0;
        return r == 0 ? "0.0" : String.format(Locale.ROOT, "%+.1f", r);
    }

    private interface CellText {
        String of(String row, String column);
    }

    private static String grid(String title, Set<String> rows, List<String> columns, CellText text, int minCell) {
        int rowWidth = rowWidth(rows);
        int cell = cellWidth(columns, minCell);
        StringBuilder b = new StringBuilder(title).append('\n');
        b.append(pad("row", rowWidth));
        for (String t : columns) b.append(' ').append(padLeft(t, cell));
        b.append('\n');
        for (String row : rows) {
            b.append(pad(row, rowWidth));
            for (String t : columns) b.append(' ').append(padLeft(text.of(row, t), cell));
            b.append('\n');
        }
        return b.toString();
    }

    private static int rowWidth(Set<String> rows) {
        return Math.max(4, rows.stream().mapToInt(String::length).max().orElse(4));
    }

    private static int cellWidth(List<String> columns, int min) {
        return Math.max(min, columns.stream().mapToInt(String::length).max().orElse(min) + 1);
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

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
