package org.sdvp.distill.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.distill.report.ExperimentReport.Curve;
import org.sdvp.distill.report.ExperimentReport.ExampleTrace;
import org.sdvp.distill.report.ExperimentReport.FrameworkRows;
import org.sdvp.distill.report.ExperimentReport.Interval;

/** Rendering of a made-up report (the numbers here are test data, not results). */
class ReportRenderingTest {

    private static FrameworkRows rows() {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        rows.put("oracle", new LinkedHashMap<>(Map.of("gqa-sim", 1.0)));
        rows.get("oracle").put("count-sim", 0.995);
        rows.put("baseline", new LinkedHashMap<>(Map.of("gqa-sim", 0.61234)));
        rows.get("baseline").put("count-sim", 0.7);
        return new FrameworkRows(
                rows,
                Map.of("baseline", Map.of("gqa-sim", 0.0123)),
                new LinkedHashMap<>(Map.of("gqa-sim", 500, "count-sim", 400)));
    }

    @Test
    void theTerminalTableShowsPointsWithSpreadAndCounts() {
        String table = ReportTable.render("visprog", rows());
        List<String> lines = table.lines().toList();
        assertEquals("visprog", lines.get(0));
        assertTrue(lines.get(2).startsWith("oracle"), table);
        assertTrue(lines.get(2).contains("100.0") && lines.get(2).contains("99.5"), table);
        assertTrue(lines.get(3).contains("61.2 ± 1.2"), table);
        assertTrue(lines.get(3).contains("70.0"), table);
        assertTrue(
                lines.get(4).startsWith("n")
                        && lines.get(4).contains("500")
                        && lines.get(4).contains("400"),
                table);
    }

    @Test
    void theHtmlReportIsSelfContainedWithChartsTracesAndProvenance() {
        ExperimentReport r = new ExperimentReport(
                "quick",
                List.of(1L, 2L),
                Map.of("visprog", rows()),
                List.of(new Curve("sdvp:gqa-sim loss", List.of(0, 100, 200), List.of(2.0, 1.1, 0.7))),
                List.of(new ExampleTrace("What color is the <cube>?", "<table><tr><td>step</td></tr></table>")),
                Map.of(),
                Map.of("sdvp", "0.1.0"));
        String html = ReportHtml.render(r);
        assertTrue(html.contains("61.2 ± 1.2"));
        assertEquals(2, html.split("data:image/png;base64,", -1).length - 1, "bar chart and curves embedded");
        assertTrue(html.contains("What color is the &lt;cube&gt;?"));
        assertTrue(html.contains("<th>sdvp</th><td>0.1.0</td>"));
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "no external resources");
    }

    @Test
    void ablationsTimingsNotesAndRunCountsAreRenderedToo() {
        FrameworkRows abl = new FrameworkRows(
                new LinkedHashMap<>(Map.of("ablation:no-kl", Map.of("gqa-sim", 0.5))),
                Map.of(),
                Map.of("gqa-sim", 500),
                Map.of("ablation:no-kl", 1));
        FrameworkRows main =
                new FrameworkRows(rows().rows(), rows().spread(), rows().counts(), Map.of("oracle", 1, "baseline", 3));
        FrameworkRows delta = new FrameworkRows(
                new LinkedHashMap<>(Map.of("sdvp:gqa-sim", Map.of("gqa-sim", -0.031))), Map.of(), Map.of(), Map.of());
        ExperimentReport r = new ExperimentReport(
                "default",
                List.of(1L, 2L, 3L),
                Map.of("visprog", main),
                Map.of("visprog", delta),
                Map.of("visprog", abl),
                List.of(
                        new Curve("seed 1 ablation-no-kl loss", List.of(1, 2), List.of(1.0, 0.5)),
                        new Curve("seed 1 sdvp-gqa-sim loss", List.of(1, 2), List.of(1.0, 0.4))),
                List.of(),
                Map.of("preset", Map.of("steps", 400)),
                Map.of(),
                new LinkedHashMap<>(Map.of("eval", 72.4)),
                Map.of("seed-1/sdvp-gqa-sim", new LinkedHashMap<>(Map.of("total", 61.5))),
                List.of("oracle is evaluated once"));
        String html = ReportHtml.render(r);
        assertTrue(html.contains("Ablations (visprog)") && html.contains("ablation:no-kl"), html);
        assertTrue(html.contains("Change against the baseline") && html.contains("-3.1"), html);
        assertTrue(html.contains("72.4 s"));
        assertTrue(html.contains("<th>seed-1/sdvp-gqa-sim</th><td class=\"n\">61.5</td>"), "each stage's time");
        assertTrue(html.contains("oracle is evaluated once"));
        assertTrue(html.contains("(3 seeds)") && html.contains("(1 run)"));
        assertTrue(html.contains("&quot;steps&quot; : 400"), "the configuration is shown");
        assertEquals(3, html.split("data:image/png;base64,", -1).length - 1, "bar chart, main and ablation curves");
        String text = ReportTable.render(r);
        assertTrue(text.startsWith("visprog\n"), text);
        assertTrue(text.contains("visprog change against the baseline (points)") && text.contains("-3.1"), text);
        assertTrue(text.contains("visprog ablations (one seed, target gqa-sim)") && text.contains("50.0"), text);
    }

    @Test
    void changesAreShownWithTheirIntervalsMarkedWhenTheyExcludeZero() {
        Map<String, Map<String, Interval>> d = new LinkedHashMap<>();
        d.put(
                "sdvp:gqa-sim",
                new LinkedHashMap<>(Map.of(
                        "gqa-sim", new Interval(4.44, 1.2, 7.61, Map.of("seed-1", new Interval(5, 1, 9, Map.of()))))));
        d.get("sdvp:gqa-sim").put("count-sim", new Interval(-0.3, -2.0, 1.4, Map.of()));
        FrameworkRows main = rows().withDeltas(d);
        assertEquals(d, main.deltas());
        ExperimentReport r = new ExperimentReport(
                "quick", List.of(1L), Map.of("visprog", main), List.of(), List.of(), Map.of(), Map.of());
        String text = ReportTable.render(r);
        assertTrue(text.contains("visprog change against the baseline (points, [95 % paired bootstrap interval"), text);
        String line = text.lines()
                .filter(l -> l.startsWith("sdvp:gqa-sim"))
                .findFirst()
                .orElseThrow();
        assertTrue(line.contains("+4.4 [+1.2, +7.6]") && line.contains("-0.3 [-2.0, +1.4]"), line);
        String html = ReportHtml.render(r);
        assertTrue(
                html.contains("<td class=\"n up\" title=\"seed-1: +5.0 [+1.0, +9.0]\">+4.4 [+1.2, +7.6]</td>"), html);
        assertTrue(html.contains("<td class=\"n\">-0.3 [-2.0, +1.4]</td>"), html);
        assertEquals("0.0", ReportTable.signed(-0.04));
    }
}
