package org.sdvp.backends.config;

import java.util.List;

/** How a MATCH model's logits read, from model.json's declared shape (a [2, 2] output alone could be either). */
public enum MatchForm {
    /** [batch] or [batch, 1]. */
    LOGIT,
    /** [batch, 2]: BLIP ITM's no/yes logits. */
    ITM_PAIR,
    /** [batch, -1]: CLIP's logits_per_image, every image with every text of the batch. */
    MATRIX;

    public static MatchForm of(TensorSpec spec) {
        List<Long> s = spec.shape();
        if (s.size() == 1 || s.get(1) == 1) return LOGIT;
        return s.get(1) == 2 ? ITM_PAIR : MATRIX;
    }
}
