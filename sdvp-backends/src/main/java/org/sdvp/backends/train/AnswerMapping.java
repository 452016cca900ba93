package org.sdvp.backends.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdvp.core.metric.AnswerNormalizer;

/**
 * The adapter between a teacher's answers and a student's answer vocabulary: each answer is matched by its
 * normalised string ({@link AnswerNormalizer}: case, punctuation, articles, number words), the distribution
 * is re-indexed over the student's answers and renormalised. What cannot be mapped is counted, not guessed:
 * the teacher's answers the student cannot name (with how many distributions had them) and the distributions
 * none of whose answers it can. Not thread-safe (one labelling pass).
 */
public final class AnswerMapping {
    private final int size;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> unmappedAnswers = new TreeMap<>();
    private int unmappable;

    /** @param answers the student's vocabulary in logit order; of answers equal after normalising, the first wins */
    public AnswerMapping(List<String> answers) {
        this.size = answers.size();
        for (int i = 0; i < answers.size(); i++) index.putIfAbsent(AnswerNormalizer.normalize(answers.get(i)), i);
    }

    /**
     * The teacher's distribution over the student's answers (sums to 1), or null — counted — when no answer with
     * positive probability maps.
     */
    public float[] map(Map<String, Double> teacher) {
        float[] probs = new float[size];
        double total = 0;
        for (Map.Entry<String, Double> e : teacher.entrySet()) {
            if (!(e.getValue() > 0)) continue;
            Integer i = index.get(AnswerNormalizer.normalize(e.getKey()));
            if (i == null) {
                unmappedAnswers.merge(e.getKey(), 1, Integer::sum);
                continue;
            }
            probs[i] += e.getValue().floatValue();
            total += e.getValue();
        }
        if (!(total > 0)) {
            unmappable++;
            return null;
        }
        for (int i = 0; i < size; i++) probs[i] = (float) (probs[i] / total);
        return probs;
    }

    /** The teacher's answers the student's vocabulary lacks, with the number of distributions that gave each. */
    public Map<String, Integer> unmappedAnswers() {
        return Map.copyOf(unmappedAnswers);
    }

    /** Distributions none of whose answers the student can name (no target made). */
    public int unmappable() {
        return unmappable;
    }
}
