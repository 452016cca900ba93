package org.sdvp.core.module.steps;

import java.util.Locale;
import java.util.Map;
import org.sdvp.core.module.ModuleOptions.DepthCrops;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code CROP_FRONTOF / CROP_INFRONTOF / CROP_INFRONT / CROP_AHEAD / CROP_BEHIND (image, box)}.
 *
 * <p>VisProg implements all five as {@code CROP} (around the box enlarged ×1.5): it has no depth. That is the
 * default ({@link DepthCrops#BOX}). With {@link DepthCrops#GROUND} they approximate what they say for a
 * ground-plane view such as the world's, where nearer means lower: in front of an object is the image below
 * its box's centre row, behind it the image above that row (the cuts of CROP_BELOW / CROP_ABOVE). The box's
 * centre, not its bottom edge (where it stands), because what a later step finds in a crop is judged by the
 * objects' centres: cutting at the bottom edge kept the reference itself "behind" itself (measured on
 * depth-sim: 0.54 against 0.88 for the centre). With no box both modes return the whole image, as CROP does.
 */
public final class DepthCropModule extends AbstractStepModule {

    /** The five names VisProg registers; all but BEHIND mean "in front of". */
    public enum Relation {
        FRONTOF,
        INFRONTOF,
        INFRONT,
        AHEAD,
        BEHIND;

        boolean inFront() {
            return this != BEHIND;
        }
    }

    private final Relation relation;
    private final DepthCrops mode;

    public DepthCropModule(Relation relation, DepthCrops mode) {
        super(
                "CROP_" + relation.name(),
                ValueType.IMAGE,
                describe(relation, mode),
                Param.required("image", ValueType.IMAGE),
                Param.required("box", ValueType.BOXES));
        this.relation = relation;
        this.mode = mode;
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        BoxesValue boxes = boxes(args, "box");
        if (boxes.isEmpty()) return image;
        Box box = boxes.detections().get(0).box();
        if (mode == DepthCrops.BOX) return CropModule.around(image, box);
        double w = image.width(), h = image.height();
        Box region = relation.inFront()
                ? new Box(0, Math.min(h, box.centerY()), w, h)
                : new Box(0, 0, w, Math.max(0, box.centerY()));
        return Crops.cut(image, region);
    }

    private static String describe(Relation r, DepthCrops mode) {
        String where = r.inFront() ? "in front of" : "behind";
        return mode == DepthCrops.BOX
                ? "as CROP (VisProg has no depth): around the first box, enlarged x1.5 (\"" + where + "\")"
                : "the image " + (r.inFront() ? "below" : "above") + " the first box's centre row (" + where
                        + " it on a ground plane)";
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT) + "/" + mode;
    }
}
