package org.sdvp.core.module.steps;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code LOC(image=IMAGE,object='red cube')}: boxes of the object, best first, from the grounding model.
 * The objects {@code TOP}, {@code BOTTOM}, {@code LEFT}, {@code RIGHT} give that half of the image without a
 * model call, as in VisProg.
 */
public final class LocModule extends AbstractStepModule {
    public LocModule() {
        super(
                "LOC",
                ValueType.BOXES,
                "boxes of an object phrase, best first (grounding model)",
                Param.required("image", ValueType.IMAGE),
                Param.required("object", ValueType.TEXT));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        String object = text(args, "object");
        double w = image.width(), h = image.height();
        Box half = switch (object.strip().toUpperCase(Locale.ROOT)) {
            case "TOP" -> new Box(0, 0, w, h / 2);
            case "BOTTOM" -> new Box(0, h / 2, w, h);
            case "LEFT" -> new Box(0, 0, w / 2, h);
            case "RIGHT" -> new Box(w / 2, 0, w, h);
            default -> null;
        };
        if (half != null) return new BoxesValue(List.of(new Detection(half, object, 1.0)));
        return new BoxesValue(ctx.locate(new LocRequest(image, object)));
    }
}
