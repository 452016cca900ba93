package org.sdvp.core.module.steps;

import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code CROP(image=IMAGE,box=BOX0)}: the region around the first (best) box, enlarged ×1.5 about its
 * centre so the crop keeps some context, as VisProg does; the whole image when there is no box.
 */
public final class CropModule extends AbstractStepModule {
    /** VisProg's enlargement of a box before cropping. */
    public static final double ENLARGE = 1.5;

    public CropModule() {
        super(
                "CROP",
                ValueType.IMAGE,
                "crop around the first box, enlarged x1.5; whole image if no box",
                Param.required("image", ValueType.IMAGE),
                Param.required("box", ValueType.BOXES));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        BoxesValue boxes = boxes(args, "box");
        if (boxes.isEmpty()) return image;
        return around(image, boxes.detections().get(0).box());
    }

    /** The enlarged crop around {@code box}, as CROP makes it (also used by SELECT and CLASSIFY). */
    public static ImageValue around(ImageValue image, Box box) throws StepException {
        return Crops.cut(image, box.scaleAboutCenter(ENLARGE));
    }
}
