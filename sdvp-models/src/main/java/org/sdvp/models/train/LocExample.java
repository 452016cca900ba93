package org.sdvp.models.train;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.sdvp.core.value.Box;

/**
 * A grounding example: a full image, an object phrase, the boxes of every object it describes (maybe none)
 * and the boxes of every visible object, described or not. The student's grounding head learns where
 * objects are from {@code objects} (class-agnostic objectness and boxes) and which of them the phrase picks
 * out from {@code boxes}, so every {@code boxes} entry must also be in {@code objects}.
 */
public record LocExample(BufferedImage image, String phrase, List<Box> boxes, List<Box> objects, String style) {
    public LocExample {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(phrase, "phrase");
        boxes = List.copyOf(boxes);
        objects = List.copyOf(objects);
        if (!objects.containsAll(boxes))
            throw new IllegalArgumentException("every described box must be an object box");
        Objects.requireNonNull(style, "style");
    }

    /** An example whose image shows no object but the described ones. */
    public LocExample(BufferedImage image, String phrase, List<Box> boxes, String style) {
        this(image, phrase, boxes, boxes, style);
    }
}
