package org.sdvp.core.module.steps;

import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/** {@code FINAL_RESULT=RESULT(var=ANSWER0)}: the program's answer. */
public final class ResultModule extends AbstractStepModule {
    public ResultModule() {
        super(
                "RESULT",
                ValueType.ANY,
                "the program's result: the given variable's value",
                Param.required("var", ValueType.ANY));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        Value v = args.get("var");
        if (v == null) throw new StepException("argument 'var' is missing");
        return v;
    }
}
