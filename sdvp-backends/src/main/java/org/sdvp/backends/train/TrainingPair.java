package org.sdvp.backends.train;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One training example for a user's own model, already in its output space: the pixels a module saw, the
 * call's text, and the target — for VQA a distribution over the model's answers.json (sums to 1), for MATCH
 * one probability that the text describes the image.
 */
public record TrainingPair(BufferedImage image, String text, float[] target) {
    public TrainingPair {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(target, "target");
        for (float t : target)
            if (!(t >= 0 && t <= 1)) throw new IllegalArgumentException("target value " + t + " for '" + text + "'");
    }
}
