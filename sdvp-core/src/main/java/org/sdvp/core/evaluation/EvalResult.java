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
 * @param batching  model batches run and requests answered (cross-program batching)
 * @param programs  the program source's counters (LLM calls, tokens, re-asks, fallbacks, cache hits)
 * @param provenance how the numbers were made: data folder, program source, concurrency, code version
 */
public record EvalResult(String task, String split, String framework, String modules, String metric,
                         int count, double score, int errors, Map<String, TypeScore> byType,
                         List<QuestionResult> misses, double seconds, Map<String, Long> batching,
                         Map<String, Long> programs, Map<String, String> provenance) {

    /** {@code gqa-sim/test visprog oracle: exact-match 0.994 on 500 questions (2 errors) in 3.1 s} */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%s/%s %s %s: %s %.4f on %d questions (%d errors) in %.1f s",
                task, split, framework, modules, metric, score, count, errors, seconds);
    }
}
