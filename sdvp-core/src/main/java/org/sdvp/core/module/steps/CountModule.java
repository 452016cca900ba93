package org.sdvp.core.module.steps;

import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/** {@code COUNT(box=BOX0)}: the number of boxes. */
public final class CountModule extends AbstractStepModule {
    public CountModule() {
        super("COUNT", ValueType.NUMBER, "number of boxes", Param.required("box", ValueType.BOXES));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        return new NumberValue(boxes(args, "box").size());
    }
}
