package org.sdvp.core.module.steps;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code REPLACE(image=IMAGE,object=OBJ1,prompt='blue bus')}: the masked objects replaced by what the prompt
 * describes, by an image-editing backend (VisProg: Stable Diffusion inpainting; the world oracle re-renders
 * the object with the prompt's attributes exactly). The backend returns the whole edited image, checked to
 * have the input's size.
 */
public final class ReplaceModule extends MaskEditModule {
    public ReplaceModule() {
        super(
                "REPLACE",
                "the masked objects replaced by the prompt (image-editing model)",
                Param.required("prompt", ValueType.TEXT));
    }

    @Override
    BufferedImage edit(ImageValue image, SegmentsValue objects, Mask union, Map<String, Value> args, StepContext ctx)
            throws StepException {
        BufferedImage out = ctx.replace(image, objects, text(args, "prompt"));
        if (out.getWidth() != image.width() || out.getHeight() != image.height()) {
            throw new StepException("REPLACE backend returned a " + out.getWidth() + "x" + out.getHeight()
                    + " image for a " + image.width() + "x" + image.height() + " one");
        }
        return ImageEdits.copy(out);
    }

    @Override
    String detail(Map<String, Value> args) throws StepException {
        return " -> '" + text(args, "prompt") + "'";
    }
}
