package org.sdvp.core.module.steps;

import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/** {@code VQA(image=IMAGE,question='What color is the cube?')}: a short answer from the VQA model. */
public final class VqaModule extends AbstractStepModule {
    public VqaModule() {
        super(
                "VQA",
                ValueType.TEXT,
                "short answer to a question about the image (VQA model)",
                Param.required("image", ValueType.IMAGE),
                Param.required("question", ValueType.TEXT));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        return new TextValue(ctx.ask(new VqaRequest(image(args, "image"), text(args, "question")))
                .answer());
    }
}
