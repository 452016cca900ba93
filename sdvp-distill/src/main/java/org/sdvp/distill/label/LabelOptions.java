package org.sdvp.distill.label;

/**
 * How calls become pseudo-labels.
 *
 * @param answerConsistentOnly keep only the calls of programs whose (teacher-driven) execution gave the gold
 *     answer — answer-consistent filtering, on by default
 * @param minConfidence drop VQA and MATCH labels whose most likely answer has less probability than this
 *     (0 keeps all)
 */
public record LabelOptions(boolean answerConsistentOnly, double minConfidence) {
    public static LabelOptions defaults() {
        return new LabelOptions(true, 0.0);
    }
}
