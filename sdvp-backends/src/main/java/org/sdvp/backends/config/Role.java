package org.sdvp.backends.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sdvp.core.service.ServiceKind;

/**
 * The tensors sdvp knows how to fill and read, named as Hugging Face names them, so that a model exported
 * from {@code transformers} keeps its own names and roles. Which outputs a service needs: {@link #required}.
 */
public enum Role {
    // inputs
    /** The image, preprocessed per model.json's {@code image}: float32 [batch, 3, height, width]. */
    PIXEL_VALUES(true),
    /** 1 where the image has pixels, 0 on padding (ViLT): int64 [batch, height, width]. */
    PIXEL_MASK(true),
    /** The text's token ids from tokenizer.json, padded to {@code maxLength}: int64 [batch, maxLength]. */
    INPUT_IDS(true),
    /** 1 on tokens, 0 on padding: int64 [batch, maxLength]. */
    ATTENTION_MASK(true),
    /** The tokenizer's type ids (0 for one sentence): int64 [batch, maxLength]. */
    TOKEN_TYPE_IDS(true),
    // outputs
    /** VQA: one logit per answer of the vocabulary (ViLT's {@code logits}): [batch, answers]. */
    ANSWER_LOGITS(false),
    /** LOC: one logit per predicted box for the query text (OWL-ViT's {@code logits}): [batch, boxes, 1] or [batch, boxes]. */
    BOX_LOGITS(false),
    /** LOC: normalised cx, cy, w, h per predicted box (OWL-ViT's {@code pred_boxes}): [batch, boxes, 4]. */
    BOXES(false),
    /**
     * MATCH: the image–text logit: [batch] or [batch, 1] (one logit), [batch, 2] (BLIP ITM: no/yes logits) or
     * [batch, batch] (CLIP's {@code logits_per_image}: the diagonal pairs each image with its text).
     */
    MATCH_LOGITS(false);

    private final boolean input;

    Role(boolean input) {
        this.input = input;
    }

    public boolean isInput() {
        return input;
    }

    /** The name model.json uses: {@code pixel_values}, {@code answer_logits}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String key) {
        for (Role r : values()) if (r.key().equals(key)) return r;
        return null;
    }

    public static String known(boolean inputs) {
        return String.join(
                ", ",
                Arrays.stream(values())
                        .filter(r -> r.input == inputs)
                        .map(Role::key)
                        .toList());
    }

    /** The output roles a service reads. */
    public static List<Role> required(ServiceKind service) {
        return switch (service) {
            case VQA -> List.of(ANSWER_LOGITS);
            case LOC -> List.of(BOX_LOGITS, BOXES);
            case MATCH -> List.of(MATCH_LOGITS);
        };
    }
}
