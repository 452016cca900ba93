package org.sdvp.models.train;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A VQA training example: an image or crop, a question and its gold answer.
 *
 * @param style the visual style the image was rendered in (for data recipes and per-style reports)
 * @param form the question form (e.g. "query_color"), for per-form accuracy
 */
public record VqaExample(BufferedImage image, String question, String answer, String style, String form) {
    public VqaExample {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(form, "form");
    }
}
