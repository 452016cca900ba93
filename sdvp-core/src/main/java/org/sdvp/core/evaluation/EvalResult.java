package org.sdvp.core.evaluation;

import java.util.List;
import java.util.Map;

/**
 * What {@code sdvp eval} writes to {@code results.json}.
 *
 * @param score     mean metric over all questions, in [0, 1] (failed questions count 0)
 * @param errors    number of questions that produced no answer
 * @param byType    score per question type
 * @param misses    every question that did not score 1, failures included
 * @param seconds   wall-clock time of the run
 * @param batching  model batches run and requests answered (cross-program batching), and where the time
 *                  went, per model kind and on the program threads ({@link EvalProfile})
 * @param programs  the program source's counters (LLM calls, tokens, re-asks, fallbacks, cache hits)
 * @param provenance how the numbers were made: data folder, program source, concurrency, code version
 * @param aggregates the task's split-level figures beyond the mean ({@link Task#aggregates}), e.g.
 *                   {@code consistency}; empty for most tasks (null, from an older results.json, reads as empty)
 * @param sampling   with several programs per question ({@code --samples K}): {@code samples}, {@code valid},
 *                   {@code answered}, {@code agreement}, {@code fallbacks} ({@link SampleVote#summary()});
 *                   empty for one program per question
 */
public record EvalResult(
        String task,
        String split,
        String framework,
        String modules,
        String metric,
        int count,
        double score,
        int errors,
        Map<String, TypeScore> byType,
        List<QuestionResult> misses,
        double seconds,
        Map<String, Long> batching,
        Map<String, Long> programs,
        Map<String, String> provenance,
        Map<String, Double> aggregates,
        Map<String, Double> sampling) {
    public EvalResult {
        aggregates = aggregates == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aggregates));
        sampling = sampling == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sampling));
    }

    /** This result with more program-source counters (e.g. {@code llm_query} calls), added after the others. */
    public EvalResult withProgramCounters(Map<String, Long> more) {
        Map<String, Long> merged = new java.util.LinkedHashMap<>(programs);
        merged.putAll(more);
        return new EvalResult(
                task,
                split,
                framework,
                modules,
                metric,
                count,
                score,
                errors,
                byType,
                misses,
                seconds,
                batching,
                merged,
                provenance,
                aggregates,
                sampling);
    }

    /**
     * How many questions failed for each reason ({@link QuestionResult#reason()}), sorted by reason: written
     * to {@code results.json} next to {@code errors}, derived from the misses (so never read back).
     */
    @com.fasterxml.jackson.annotation.JsonProperty(
            value = "errorsByReason",
            access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public Map<String, Integer> errorsByReason() {
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        for (QuestionResult r : misses) if (r.failed()) byReason.merge(r.reason(), 1, Integer::sum);
        return byReason;
    }

    /**
     * {@code gqa-sim/test visprog oracle: exact-match 0.994 on 500 questions (2 errors) in 3.1 s}, followed
     * by the aggregates when there are any: {@code ...; consistency 0.9800}.
     */
    public String summary() {
        StringBuilder b = new StringBuilder(String.format(
                java.util.Locale.ROOT,
                "%s/%s %s %s: %s %.4f on %d questions (%d errors) in %.1f s",
                task,
                split,
                framework,
                modules,
                metric,
                score,
                count,
                errors,
                seconds));
        String sep = "; ";
        for (Map.Entry<String, Double> a : aggregates.entrySet()) {
            b.append(sep)
                    .append(a.getKey())
                    .append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.4f", a.getValue()));
            sep = ", ";
        }
        if (!sampling.isEmpty()) {
            b.append(String.format(
                    java.util.Locale.ROOT,
                    "; %d samples per question, %.1f%% valid, agreement %.4f",
                    sampling.get("samples").intValue(),
                    100 * sampling.getOrDefault("valid", 0.0),
                    sampling.getOrDefault("agreement", 0.0)));
        }
        return b.toString();
    }
}
