package org.sdvp.core.metric;

import org.sdvp.core.value.Value;

/** 1 when the normalised answers are equal ({@link AnswerNormalizer}), else 0. */
public final class ExactMatch implements Metric {
    @Override
    public String name() {
        return "exact-match";
    }

    @Override
    public double score(Value prediction, Value gold) {
        return AnswerNormalizer.normalize(prediction.display()).equals(AnswerNormalizer.normalize(gold.display()))
                ? 1
                : 0;
    }
}
