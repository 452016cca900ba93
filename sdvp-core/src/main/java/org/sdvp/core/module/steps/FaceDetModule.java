package org.sdvp.core.module.steps;

import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code FACEDET(image=IMAGE)}: boxes of the faces, labelled "face". A LOC call for the phrase
 * {@value #PHRASE}, so a face detector is a grounding backend that covers that phrase only and routes the
 * rest on ({@code --modules facedet,oracle}).
 */
public final class FaceDetModule extends AbstractStepModule {
    /** The grounding phrase FACEDET asks for. */
    public static final String PHRASE = "face";

    public FaceDetModule() {
        super(
                "FACEDET",
                ValueType.BOXES,
                "boxes of the faces (a face detector, as LOC of \"face\")",
                Param.required("image", ValueType.IMAGE));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        return new BoxesValue(ctx.locate(new LocRequest(image(args, "image"), PHRASE)).stream()
                .map(d -> d.withLabel(PHRASE))
                .toList());
    }
}
