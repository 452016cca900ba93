package org.sdvp.core.module.steps;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.Value;

/**
 * {@code COLORPOP(image=IMAGE,object=OBJ1)}: the objects in colour, everything else gray (PIL's luminance).
 * VisProg first refines each mask with GrabCut; the masks here are used as given (the world's are exact).
 */
public final class ColorPopModule extends MaskEditModule {
    public ColorPopModule() {
        super("COLORPOP", "the masked objects in colour, the rest gray");
    }

    @Override
    BufferedImage edit(ImageValue image, SegmentsValue objects, Mask union, Map<String, Value> args, StepContext ctx) {
        return ImageEdits.colorPop(image.pixels(), union);
    }
}
