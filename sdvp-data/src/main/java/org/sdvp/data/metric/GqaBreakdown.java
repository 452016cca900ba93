package org.sdvp.data.metric;

import java.util.Map;
import java.util.TreeMap;
import org.sdvp.core.evaluation.TypeScore;

/**
 * GQA's accuracy by structural type (query, verify, logical, choose, compare) and by semantic type (obj,
 * attr, cat, rel, global). GQA examples have type {@code structural/semantic}, so the evaluator's per-type
 * scores hold both breakdowns; this regroups them (count-weighted, so the figures are exact).
 *
 * @param structural structural type → score over its questions
 * @param semantic   semantic type → score over its questions
 */
public record GqaBreakdown(Map<String, TypeScore> structural, Map<String, TypeScore> semantic) {
    public GqaBreakdown {
        structural = Map.copyOf(structural);
        semantic = Map.copyOf(semantic);
    }

    /** @param byType the evaluator's scores per {@code structural/semantic} type ({@code unknown} is kept as is) */
    public static GqaBreakdown of(Map<String, TypeScore> byType) {
        Map<String, double[]> st = new TreeMap<>(), se = new TreeMap<>();
        for (Map.Entry<String, TypeScore> e : byType.entrySet()) {
            String[] parts = e.getKey().split("/", 2);
            add(st, parts[0], e.getValue());
            add(se, parts.length > 1 ? parts[1] : parts[0], e.getValue());
        }
        return new GqaBreakdown(finish(st), finish(se));
    }

    /** The breakdown of a run's outcomes (types {@code structural/semantic}). */
    public static GqaBreakdown ofOutcomes(java.util.List<org.sdvp.core.evaluation.Outcome> outcomes) {
        Map<String, double[]> perType = new TreeMap<>();
        for (var o : outcomes) {
            double[] a = perType.computeIfAbsent(o.result().type(), k -> new double[2]);
            a[0]++;
            a[1] += o.result().score();
        }
        return of(finish(perType));
    }

    /** As aggregates for {@code results.json}: {@code structural.query}, ..., {@code semantic.attr}, ... → score. */
    public Map<String, Double> aggregates() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        structural.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put("structural." + e.getKey(), e.getValue().score()));
        semantic.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put("semantic." + e.getKey(), e.getValue().score()));
        return out;
    }

    private static void add(Map<String, double[]> acc, String key, TypeScore s) {
        double[] a = acc.computeIfAbsent(key, k -> new double[2]);
        a[0] += s.count();
        a[1] += s.count() * s.score();
    }

    private static Map<String, TypeScore> finish(Map<String, double[]> acc) {
        Map<String, TypeScore> out = new TreeMap<>();
        acc.forEach((k, a) -> out.put(k, new TypeScore((int) a[0], a[0] == 0 ? 0 : a[1] / a[0])));
        return out;
    }
}
