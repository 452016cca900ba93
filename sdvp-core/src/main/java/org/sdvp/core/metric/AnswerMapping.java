package org.sdvp.core.metric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The adapter between a teacher's answers and a student's answer vocabulary: each answer is matched by its
 * normalised string ({@link AnswerNormalizer}: case, punctuation, articles, number words), the distribution
 * is re-indexed over the student's answers and renormalised. What cannot be mapped is counted, not guessed:
 * the teacher's answers the student cannot name (with how many distributions had them) and the distributions
 * none of whose answers it can. Not thread-safe (one labelling pass).
 *
 * <p>Used by every distillation path: the world student's ({@code PseudoLabeler}, which first looks an answer up
 * as its own vocabulary spells it, so a teacher sharing that vocabulary gets exactly the indices it always got)
 * and a user's TorchScript student's (answers.json).
 */
public final class AnswerMapping {
    private final int size;
    private final Map<String, Integer> index = new HashMap<>();
    private final ToIntFunction<String> exact;
    private final Map<String, Integer> unmappedAnswers = new TreeMap<>();
    private int unmappable;

    /** @param answers the student's vocabulary in logit order; of answers equal after normalising, the first wins */
    public AnswerMapping(List<String> answers) {
        this(answers, a -> -1);
    }

    /**
     * @param answers the student's vocabulary in logit order; a null entry (an "unknown" slot) never gets mass
     * @param exact   the student's own lookup, tried first: an index into {@code answers}, or -1 to fall back to the
     *                normalised string
     */
    public AnswerMapping(List<String> answers, ToIntFunction<String> exact) {
        this.size = answers.size();
        this.exact = exact;
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) != null) index.putIfAbsent(AnswerNormalizer.normalize(answers.get(i)), i);
        }
    }

    /** The student's index of one teacher answer, or -1 when it has none (not counted). */
    public int indexOf(String answer) {
        int i = exact.applyAsInt(answer);
        if (i >= 0) return i;
        return index.getOrDefault(AnswerNormalizer.normalize(answer), -1);
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
            int i = indexOf(e.getKey());
            if (i < 0) {
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

    /**
     * The teacher's answers the student's vocabulary lacks, with the number of distributions that gave each, in
     * answer order (printed as it is).
     */
    public Map<String, Integer> unmappedAnswers() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(unmappedAnswers));
    }

    /** Distributions none of whose answers the student can name (no target made). */
    public int unmappable() {
        return unmappable;
    }
}
