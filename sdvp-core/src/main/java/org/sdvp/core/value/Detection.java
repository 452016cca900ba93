package org.sdvp.core.value;

import java.util.Objects;

/** One located object: its box (in the coordinates of the image it was found in), a label and a score. */
public record Detection(Box box, String label, double score) {
    public Detection {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(label, "label");
    }

    public Detection withLabel(String newLabel) {
        return new Detection(box, newLabel, score);
    }
}
