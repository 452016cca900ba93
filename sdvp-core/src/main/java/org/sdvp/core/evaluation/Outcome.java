package org.sdvp.core.evaluation;

import java.util.Map;

/**
 * One question's result together with its example's {@link Example#meta() meta}: what a task needs for
 * split-level figures that are not a mean over questions (NLVR2's consistency groups by
 * {@code meta.sentence_id}).
 */
public record Outcome(QuestionResult result, Map<String, String> meta) {
    public Outcome {
        meta = Map.copyOf(meta);
    }
}
