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
 * {@code CROP_LEFTOF / CROP_RIGHTOF / CROP_ABOVE / CROP_BELOW (image, box)}: the part of the image on that
 * side of the first box's centre, spanning the full other dimension.
 *
 * <p>With no box there is no reference point, so the crop takes the image's half on that side (left,
 * right, top or bottom) — the region the question most plausibly means. (VisProg falls back to the
 * <em>left</em> half for ABOVE and BELOW too; that is not copied.)
 */
public final class DirectionalCropModule extends AbstractStepModule {

    public enum Direction {
        LEFTOF,
        RIGHTOF,
        ABOVE,
        BELOW
    }

    private final Direction direction;

    public DirectionalCropModule(Direction direction) {
        super(
                "CROP_" + direction.name(),
                ValueType.IMAGE,
                "the part of the image " + phrase(direction) + " the first box's centre (that half if no box)",
                Param.required("image", ValueType.IMAGE),
                Param.required("box", ValueType.BOXES));
        this.direction = direction;
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        BoxesValue boxes = boxes(args, "box");
        double w = image.width(), h = image.height();
        double cx = boxes.isEmpty() ? w / 2 : boxes.detections().get(0).box().centerX();
        double cy = boxes.isEmpty() ? h / 2 : boxes.detections().get(0).box().centerY();
        Box region = switch (direction) {
            case LEFTOF -> new Box(0, 0, Math.max(0, cx), h);
            case RIGHTOF -> new Box(Math.min(w, cx), 0, w, h);
            case ABOVE -> new Box(0, 0, w, Math.max(0, cy));
            case BELOW -> new Box(0, Math.min(h, cy), w, h);
        };
        return Crops.cut(image, region);
    }

    private static String phrase(Direction d) {
        return switch (d) {
            case LEFTOF -> "left of";
            case RIGHTOF -> "right of";
            case ABOVE -> "above";
            case BELOW -> "below";
        };
    }
}
