package org.sdvp.core.module.steps;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.Value;

/**
 * {@code BGBLUR(image=IMAGE,object=OBJ1)}: the objects sharp, everything else blurred (Gaussian, σ = 2 px as
 * VisProg's radius 2). VisProg refines the mask with GrabCut and feathers its edge; here the mask is hard,
 * so the result is exact for exact masks.
 */
public final class BgBlurModule extends MaskEditModule {
    /** Blur strength in pixels. */
    public static final double SIGMA = 2.0;

    public BgBlurModule() {
        super("BGBLUR", "the masked objects sharp, the background blurred");
    }

    @Override
    BufferedImage edit(ImageValue image, SegmentsValue objects, Mask union, Map<String, Value> args, StepContext ctx) {
        return ImageEdits.bgBlur(image.pixels(), union);
    }
}
