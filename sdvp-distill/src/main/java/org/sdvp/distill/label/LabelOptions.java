package org.sdvp.distill.label;

import java.io.Serializable;

/**
 * How calls become pseudo-labels.
 *
 * @param answerConsistentOnly keep only the calls of programs whose (teacher-driven) execution gave the gold
 *     answer — answer-consistent filtering, on by default
 * @param minConfidence drop VQA and MATCH labels whose most likely answer has less probability than this
 *     (0 keeps all)
 * @param imageObjects also ask the teacher for every object on each LOC call's image
 *     ({@link DistillTarget.ImageObjects}), which the {@code locObjects} loss trains on
 */
public record LabelOptions(boolean answerConsistentOnly, double minConfidence, boolean imageObjects)
        implements Serializable {
    /** Options without the image's objects. */
    public LabelOptions(boolean answerConsistentOnly, double minConfidence) {
        this(answerConsistentOnly, minConfidence, false);
    }

    public static LabelOptions defaults() {
        return new LabelOptions(true, 0.0);
    }

    /** These options, asking for the image's objects or not. */
    public LabelOptions withImageObjects(boolean v) {
        return new LabelOptions(answerConsistentOnly, minConfidence, v);
    }
}
