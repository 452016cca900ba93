package org.sdvp.distill.report;

import java.util.List;
import java.util.Map;
import org.sdvp.core.io.Html;
import org.sdvp.distill.report.ExperimentReport.Curve;
import org.sdvp.distill.report.ExperimentReport.ExampleTrace;
import org.sdvp.distill.report.ExperimentReport.FrameworkRows;
import org.sdvp.distill.report.ExperimentReport.Interval;

/**
 * {@code report.html}: the experiment's tables, a bar chart of rows × tasks per framework, the training
 * curves, a few example traces and the provenance, in one self-contained page.
 */
public final class ReportHtml {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}
            table{border-collapse:collapse;margin:.6em 0} td,th{border:1px solid #ddd;padding:.3em .6em}
            th{background:#f4f4f4} td.n{text-align:right;font-variant-numeric:tabular-nums}
            .meta{color:#666;font-size:.85em} details{margin:.6em 0} img{max-width:100%}
            .up{background:#e3f4e1} .down{background:#fbe3e1}
            """;

    private ReportHtml() {}

    public static String render(ExperimentReport r) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>SDVP experiment</title><style>")
                .append(STYLE)
                .append("</style></head><body><h1>SDVP experiment</h1>");
        h.append("<p class=\"meta\">preset ")
                .append(Html.escape(r.preset()))
                .append(", seeds ")
                .append(r.seeds())
                .append(
                        ". Scores in points (0–100): mean ± standard deviation over seeds; n = test questions per seed.</p>");
        if (!r.notes().isEmpty()) {
            h.append("<ul class=\"meta\">");
            r.notes().forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
            h.append("</ul>");
        }
        for (var fw : r.frameworks().entrySet()) {
            h.append("<h2>").append(Html.escape(fw.getKey())).append("</h2>");
            table(h, fw.getValue());
            h.append("<img alt=\"scores\" src=\"")
                    .append(Charts.scoresBarChart(fw.getKey(), fw.getValue()))
                    .append("\">");
            FrameworkRows delta = r.deltas().get(fw.getKey());
            if (!fw.getValue().deltas().isEmpty()) {
                intervals(h, fw.getValue().deltas());
            } else if (delta != null) {
                h.append("<h3>Change against the baseline (points)</h3>");
                table(h, delta);
            }
        }
        for (var fw : r.ablations().entrySet()) {
            h.append("<h2>Ablations (").append(Html.escape(fw.getKey())).append(")</h2>");
            table(h, fw.getValue());
            if (!fw.getValue().deltas().isEmpty()) intervals(h, fw.getValue().deltas());
        }
        List<Curve> main =
                r.curves().stream().filter(c -> !c.name().contains("ablation")).toList();
        List<Curve> ablation =
                r.curves().stream().filter(c -> c.name().contains("ablation")).toList();
        if (!r.curves().isEmpty()) h.append("<h2>Training curves</h2>");
        if (!main.isEmpty())
            h.append("<img alt=\"curves\" src=\"")
                    .append(Charts.curvesChart(main))
                    .append("\">");
        if (!ablation.isEmpty()) {
            h.append("<img alt=\"ablation curves\" src=\"")
                    .append(Charts.curvesChart(ablation))
                    .append("\">");
        }
        if (!r.examples().isEmpty()) {
            h.append("<h2>Example traces</h2>");
            for (ExampleTrace e : r.examples()) {
                h.append("<details><summary>")
                        .append(Html.escape(e.title()))
                        .append("</summary>")
                        .append(e.html())
                        .append("</details>");
            }
        }
        if (!r.timings().isEmpty()) {
            h.append("<h2>Timing</h2><table>");
            r.timings()
                    .forEach((k, v) -> h.append("<tr><th>")
                            .append(Html.escape(k))
                            .append("</th><td class=\"n\">")
                            .append(String.format(java.util.Locale.ROOT, "%.1f s", v))
                            .append("</td></tr>"));
            h.append("</table>");
        }
        if (!r.stageTimes().isEmpty()) {
            h.append(
                    "<h3>Stages</h3><p class=\"meta\">Seconds when each stage ran (stages run side by side, so they add "
                            + "up to more than the wall time).</p><table><tr><th>stage</th>");
            var parts = new java.util.LinkedHashSet<String>();
            r.stageTimes().values().forEach(m -> parts.addAll(m.keySet()));
            parts.forEach(p -> h.append("<th>").append(Html.escape(p)).append("</th>"));
            h.append("</tr>");
            r.stageTimes().forEach((stage, m) -> {
                h.append("<tr><th>").append(Html.escape(stage)).append("</th>");
                parts.forEach(p -> h.append("<td class=\"n\">")
                        .append(m.containsKey(p) ? String.format(java.util.Locale.ROOT, "%.1f", m.get(p)) : "–")
                        .append("</td>"));
                h.append("</tr>");
            });
            h.append("</table>");
        }
        if (!r.config().isEmpty()) {
            h.append(
                            "<h2>Configuration</h2><details><summary>the full configuration (report.json: config)</summary><pre>")
                    .append(Html.escape(org.sdvp.core.io.Json.pretty(r.config())))
                    .append("</pre></details>");
        }
        h.append("<h2>Provenance</h2><table>");
        r.provenance().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> h.append("<tr><th>")
                        .append(Html.escape(e.getKey()))
                        .append("</th><td>")
                        .append(Html.escape(e.getValue()))
                        .append("</td></tr>"));
        h.append("</table></body></html>\n");
        return h.toString();
    }

    /**
     * The changes with their intervals; a cell whose interval excludes 0 is marked, and its title lists each
     * seed's own interval.
     */
    private static void intervals(StringBuilder h, Map<String, Map<String, Interval>> deltas) {
        h.append("<h3>Change against the baseline (points)</h3><p class=\"meta\">mean [lo, hi]: ")
                .append(Html.escape(ReportTable.INTERVAL))
                .append(
                        "; <span class=\"up\">green</span> / <span class=\"down\">"
                                + "red</span>: the interval excludes 0. Hover a cell for each seed's own interval.</p><table><tr><th>row</th>");
        var columns = new java.util.LinkedHashSet<String>();
        deltas.values().forEach(m -> columns.addAll(m.keySet()));
        columns.forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
        h.append("</tr>");
        deltas.forEach((row, m) -> {
            h.append("<tr><th>").append(Html.escape(row)).append("</th>");
            for (String c : columns) {
                Interval i = m.get(c);
                if (i == null) {
                    h.append("<td class=\"n\">–</td>");
                    continue;
                }
                StringBuilder title = new StringBuilder();
                i.seeds()
                        .forEach((seed, s) -> title.append(seed)
                                .append(": ")
                                .append(ReportTable.interval(s))
                                .append('\n'));
                h.append("<td class=\"n")
                        .append(i.lo() > 0 ? " up" : i.hi() < 0 ? " down" : "")
                        .append("\"")
                        .append(
                                title.isEmpty()
                                        ? ""
                                        : " title=\""
                                                + Html.escape(title.toString().strip()) + "\"")
                        .append('>')
                        .append(Html.escape(ReportTable.interval(i)))
                        .append("</td>");
            }
            h.append("</tr>");
        });
        h.append("</table>");
    }

    private static void table(StringBuilder h, FrameworkRows rows) {
        var tasks = ReportTable.tasks(rows);
        h.append("<table><tr><th>row</th>");
        tasks.forEach(t -> h.append("<th>").append(Html.escape(t)).append("</th>"));
        h.append("</tr>");
        for (var row : rows.rows().entrySet()) {
            Integer runs = rows.runs().get(row.getKey());
            h.append("<tr><th>").append(Html.escape(row.getKey()));
            if (runs != null)
                h.append(" <span class=\"meta\">(")
                        .append(runs)
                        .append(runs == 1 ? " run" : " seeds")
                        .append(")</span>");
            h.append("</th>");
            Map<String, Double> spread = rows.spread().getOrDefault(row.getKey(), Map.of());
            for (String t : tasks) {
                Double v = row.getValue().get(t);
                h.append("<td class=\"n\">")
                        .append(v == null ? "–" : Html.escape(ReportTable.points(v, spread.get(t))))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        if (!rows.counts().isEmpty()) {
            h.append("<tr><th class=\"meta\">n</th>");
            tasks.forEach(t -> h.append("<td class=\"n meta\">")
                    .append(rows.counts().getOrDefault(t, 0))
                    .append("</td>"));
            h.append("</tr>");
        }
        h.append("</table>");
    }
}
