package org.sdvp.core.module.steps;

import org.sdvp.core.module.StepException;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;

/** Cropping with a step-level error for regions that hold no pixels. */
final class Crops {
    private Crops() {}

    static ImageValue cut(ImageValue image, Box region) throws StepException {
        Box clamped = region.clampTo(image.width(), image.height());
        if (clamped.width() < 1 || clamped.height() < 1) {
            throw new StepException(
                    "crop of an empty region " + region + " in a " + image.width() + "x" + image.height() + " image");
        }
        return image.crop(clamped);
    }
}
