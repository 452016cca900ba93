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
 * An edit inside (or outside) instance masks: COLORPOP, BGBLUR, REPLACE. Refuses boxes without masks,
 * masks found in another image and an empty selection, each with a step error, before touching a pixel; the
 * result is a new image value (the input is never changed) whose provenance lists the edit.
 */
abstract class MaskEditModule extends AbstractStepModule {

    MaskEditModule(String name, String description, Param... extra) {
        super(name, ValueType.IMAGE, description, params(extra));
    }

    private static Param[] params(Param... extra) {
        Param[] all = new Param[2 + extra.length];
        all[0] = Param.required("image", ValueType.IMAGE);
        all[1] = Param.required("object", ValueType.BOXES);
        System.arraycopy(extra, 0, all, 2, extra.length);
        return all;
    }

    @Override
    public final Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        SegmentsValue objects = segments(args, "object", name());
        if (objects.size() == 0) {
            throw new StepException(name() + " has no object to edit: argument 'object' holds no masks "
                    + "(SEG or SELECT found nothing matching)");
        }
        if (!objects.belongsTo(image)) {
            throw new StepException(name() + ": the masks in 'object' were found in image " + objects.sourceId() + " "
                    + objects.region() + ", not in the image being edited (" + image.sourceId() + " " + image.region()
                    + "); segment the image you edit");
        }
        Mask union = objects.segments().get(0).mask();
        for (int i = 1; i < objects.size(); i++)
            union = union.union(objects.segments().get(i).mask());
        String labels =
                String.join(",", objects.segments().stream().map(s -> s.label()).toList());
        return image.edited(edit(image, objects, union, args, ctx), name() + " " + labels + detail(args));
    }

    /** The edited pixels, the image's size. */
    abstract BufferedImage edit(
            ImageValue image, SegmentsValue objects, Mask union, Map<String, Value> args, StepContext ctx)
            throws StepException;

    /** What the provenance adds after the labels ({@code " -> 'blue bus'"}). */
    String detail(Map<String, Value> args) throws StepException {
        return "";
    }
}
