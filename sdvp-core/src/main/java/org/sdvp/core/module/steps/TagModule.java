package org.sdvp.core.module.steps;

import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code TAG(image=IMAGE,object=OBJ1)}: the labelled boxes to draw on the image. VisProg returns the image
 * with the boxes drawn; here the result stays the labelled boxes, so tagging can be scored (F1 at IoU 0.5),
 * and the HTML rationale draws them on the image.
 */
public final class TagModule extends AbstractStepModule {
    public TagModule() {
        super(
                "TAG",
                ValueType.BOXES,
                "the labelled boxes, to be drawn on the image",
                Param.required("image", ValueType.IMAGE),
                Param.required("object", ValueType.BOXES));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        image(args, "image");
        return boxes(args, "object");
    }
}
