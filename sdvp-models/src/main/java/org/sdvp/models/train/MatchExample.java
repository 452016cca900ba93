package org.sdvp.models.train;

import java.awt.image.BufferedImage;
import java.util.Objects;

/** An image–text matching example: does {@code text} describe {@code image}? */
public record MatchExample(BufferedImage image, String text, boolean matches, String style) {
    public MatchExample {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
    }
}
