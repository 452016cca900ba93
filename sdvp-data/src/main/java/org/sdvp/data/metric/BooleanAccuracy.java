package org.sdvp.data.metric;

import org.sdvp.core.metric.AnswerNormalizer;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.value.Value;

/**
 * NLVR2 accuracy for one statement: 1 when the prediction, read as a boolean ({@code True}, {@code yes},
 * a {@code BoolValue}), equals the gold label. Predictions that are not booleans score 0.
 */
public final class BooleanAccuracy implements Metric {
    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public double score(Value prediction, Value gold) {
        String p = AnswerNormalizer.normalize(prediction.display());
        if (!p.equals("yes") && !p.equals("no")) return 0;
        return p.equals(AnswerNormalizer.normalize(gold.display())) ? 1 : 0;
    }
}
