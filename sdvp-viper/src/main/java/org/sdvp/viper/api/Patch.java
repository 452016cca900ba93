package org.sdvp.viper.api;

import java.util.Objects;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;

/**
 * What a Python {@code ImagePatch} handle stands for on the host side.
 *
 * @param image its pixels with provenance (a crop keeps its source id and region)
 * @param root  handle of the image given to {@code execute_command} that this patch was cut from; its
 *              frame is the one the Python coordinates are measured in
 * @param box   the exact box in source-image coordinates (y down): a detection's box before rounding to
 *              whole pixels, otherwise the crop's region. Program results report this box
 * @param label the object name it was found with, or {@code image}/{@code crop}
 * @param score the detector's score (1 for images and crops)
 */
public record Patch(ImageValue image, int root, Box box, String label, double score) {
    public Patch {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(label, "label");
    }

    /** This patch as a detection in source coordinates, as VisProg's LOC reports boxes of a whole image. */
    public Detection toDetection() {
        return new Detection(box, label, score);
    }
}
