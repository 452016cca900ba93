package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        var table = new org.sdvp.distill.report.ExperimentReport.FrameworkRows(rows, java.util.Map.of(),
                java.util.Map.of(), java.util.Map.of());
        var d = ReportBuilder.deltas(table, List.of("u1", "u2"));
        assertEquals(List.of("sdvp:a"), List.copyOf(d.rows().keySet()));
        assertEquals(0.1, d.rows().get("sdvp:a").get("a"), 1e-12);
        assertEquals(-0.01, d.rows().get("sdvp:a").get("u1"), 1e-12);
        assertEquals(-0.005, d.rows().get("sdvp:a").get(ReportBuilder.UNSEEN_MEAN), 1e-12);
    }
}
