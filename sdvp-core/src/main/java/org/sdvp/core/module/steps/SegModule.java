package org.sdvp.core.module.steps;

import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.SegmentsValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code SEG(image=IMAGE)}: every object's instance mask, labelled with its category (a segmentation model;
 * the world's oracle reads its exact ID-buffer masks). The masks remember the image they were found in.
 */
public final class SegModule extends AbstractStepModule {
    public SegModule() {
        super(
                "SEG",
                ValueType.SEGMENTS,
                "instance masks of every object (segmentation model)",
                Param.required("image", ValueType.IMAGE));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        return SegmentsValue.of(image, ctx.segment(image));
    }
}
