package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean ± spread over seeds and the change against the baseline. */
class ReportBuilderTest {
    @Test
    void spreadIsTheSampleStandardDeviation() {
        Spread one = Spread.of(List.of(0.5));
        assertEquals(0.5, one.mean());
        assertEquals(0.0, one.spread());
        Spread three = Spread.of(List.of(0.6, 0.7, 0.8));
        assertEquals(0.7, three.mean(), 1e-12);
        assertEquals(0.1, three.spread(), 1e-12);
        assertEquals(3, three.n());
        assertThrows(IllegalArgumentException.class, () -> Spread.of(List.of()));
    }

    @Test
    void deltasAreChangesAgainstTheBaselineWithTheUnseenMean() {
        var rows = new java.util.LinkedHashMap<String, java.util.Map<String, Double>>();
        rows.put("oracle", java.util.Map.of("a", 1.0, "u1", 1.0, "u2", 1.0));
        rows.put("baseline", java.util.Map.of("a", 0.5, "u1", 0.4, "u2", 0.6));
        rows.put("sdvp:a", java.util.Map.of("a", 0.6, "u1", 0.39, "u2", 0.6));
        var table = new org.sdvp.distill.report.ExperimentReport.FrameworkRows(
                rows, java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        var d = ReportBuilder.deltas(table, List.of("u1", "u2"));
        assertEquals(List.of("sdvp:a"), List.copyOf(d.rows().keySet()));
        assertEquals(0.1, d.rows().get("sdvp:a").get("a"), 1e-12);
        assertEquals(-0.01, d.rows().get("sdvp:a").get("u1"), 1e-12);
        assertEquals(-0.005, d.rows().get("sdvp:a").get(ReportBuilder.UNSEEN_MEAN), 1e-12);
    }

    @Test
    void intervalsPoolEachRowsSeedsAgainstTheSharedBaseline() {
        List<String> ids = List.of("q1", "q2", "q3", "q4");
        var cells = new java.util.HashMap<ExperimentEvaluation.Cell, QuestionScores>();
        for (String task : List.of("a", "u1")) {
            cells.put(
                    new ExperimentEvaluation.Cell("fw", "baseline", RowPlan.SHARED, task),
                    new QuestionScores(ids, new double[] {1, 0, 0, 1}));
            cells.put(
                    new ExperimentEvaluation.Cell("fw", "sdvp:a", "seed-1", task),
                    new QuestionScores(ids, new double[] {1, 1, 0, 1}));
            cells.put(
                    new ExperimentEvaluation.Cell("fw", "sdvp:a", "seed-2", task),
                    new QuestionScores(ids, new double[] {1, 1, 1, 1}));
        }
        var rows = List.of(
                new RowPlan("baseline", RowPlan.Backend.student(), List.of(), false),
                new RowPlan("sdvp:a", RowPlan.Backend.stage("s"), List.of(1L, 2L), false));
        var d = ReportBuilder.intervals("fw", rows, List.of("a", "u1"), List.of("u1"), cells);
        assertEquals(List.of("sdvp:a"), List.copyOf(d.keySet()));
        var a = d.get("sdvp:a").get("a");
        assertEquals(37.5, a.mean(), 1e-9, "seed 1 +25, seed 2 +50");
        assertEquals(25.0, a.seeds().get("seed-1").mean(), 1e-9);
        assertEquals(50.0, a.seeds().get("seed-2").mean(), 1e-9);
        assertEquals(
                List.of("a", "u1", ReportBuilder.UNSEEN_MEAN),
                List.copyOf(d.get("sdvp:a").keySet()));
        assertEquals(37.5, d.get("sdvp:a").get(ReportBuilder.UNSEEN_MEAN).mean(), 1e-9);
        assertTrue(a.lo() >= 0 && a.hi() <= 75, a.toString());
    }
}
