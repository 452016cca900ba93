package org.sdvp.models.train;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.sdvp.core.value.Box;

/** A grounding example: a full image, an object phrase, and the boxes of every object it describes (maybe none). */
public record LocExample(BufferedImage image, String phrase, List<Box> boxes, String style) {
    public LocExample {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(phrase, "phrase");
        boxes = List.copyOf(boxes);
        Objects.requireNonNull(style, "style");
    }
}
