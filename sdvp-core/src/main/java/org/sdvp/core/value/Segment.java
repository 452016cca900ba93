package org.sdvp.core.value;

import java.util.Objects;

/** One object instance: its pixel mask (in the coordinates of the image it was found in), a label and a score. */
public record Segment(Mask mask, String label, double score) {
    public Segment {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(label, "label");
    }

    /** The box around the mask, as a detection; what box-taking modules (COUNT, CROP, TAG) see. */
    public Detection toDetection() {
        return new Detection(mask.bounds(), label, score);
    }

    public Segment withLabel(String newLabel) {
        return new Segment(mask, newLabel, score);
    }
}
