package org.sdvp.core.metric;

import org.sdvp.core.value.Value;

/**
 * Scores one prediction against its gold answer, in [0, 1]; a split's score is the mean over its
 * questions (a question whose program failed scores 0).
 */
public interface Metric {

    /** e.g. {@code exact-match}, {@code accuracy}, {@code iou@0.5}, {@code f1@0.5}. */
    String name();

    double score(Value prediction, Value gold);
}
