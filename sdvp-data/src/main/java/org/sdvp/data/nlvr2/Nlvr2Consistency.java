package org.sdvp.data.nlvr2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.Outcome;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.interp.Execution;

/**
 * NLVR2 consistency: the fraction of unique sentences (identifier without its pair id:
 * {@code dev-850-0-1} and {@code dev-850-3-1} are one sentence) whose every image pair is predicted
 * correctly. A failed question counts as wrong.
 */
public final class Nlvr2Consistency {
    private Nlvr2Consistency() {}

    /** @return consistency in [0, 1]; 0 for no results */
    public static double of(Collection<QuestionResult> results) {
        Map<String, Boolean> allRight = new LinkedHashMap<>();
        for (QuestionResult r : results) {
            allRight.merge(Nlvr2Row.sentenceKey(r.id()), r.score() >= 1 && !r.failed(), Boolean::logicalAnd);
        }
        if (allRight.isEmpty()) return 0;
        return allRight.values().stream().filter(b -> b).count() / (double) allRight.size();
    }

    /**
     * As {@link #of(Collection)}, grouping by {@code meta.sentence_id} (written by both {@code nlvr2} and the
     * world's {@code nlvr-sim}), or by the identifier without its pair id when the meta lacks it.
     */
    public static double ofOutcomes(Collection<Outcome> outcomes) {
        Map<String, Boolean> allRight = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            QuestionResult r = o.result();
            String key = o.meta().getOrDefault(SENTENCE_ID, Nlvr2Row.sentenceKey(r.id()));
            allRight.merge(key, r.score() >= 1 && !r.failed(), Boolean::logicalAnd);
        }
        if (allRight.isEmpty()) return 0;
        return allRight.values().stream().filter(b -> b).count() / (double) allRight.size();
    }

    /** The meta key that names an example's sentence. */
    public static final String SENTENCE_ID = "sentence_id";

    /** The name of the aggregate in {@code results.json}. */
    public static final String NAME = "consistency";

    /**
     * Collects every question's result during a run ({@code EvalResult} keeps only the misses), for
     * {@link #consistency()} at the end. Thread-safe: the evaluator calls it from its workers.
     */
    public static final class Listener implements Evaluator.Listener {
        private final List<QuestionResult> results = new ArrayList<>();

        @Override
        public synchronized void questionDone(Example example, QuestionResult result, Optional<Execution> execution) {
            results.add(result);
        }

        public synchronized double consistency() {
            return of(results);
        }
    }
}
