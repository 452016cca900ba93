package org.sdvp.core.module.steps;

import java.util.Map;
import org.sdvp.core.expr.EvaluationException;
import org.sdvp.core.expr.Expression;
import org.sdvp.core.expr.ExpressionSyntaxException;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code EVAL(expr="'yes' if {ANSWER0} > 0 else 'no'")}: a Python-like expression over the program's
 * variables, computed by {@link Expression} (VisProg hands it to Python's {@code eval}; this never runs
 * code). The validator parses literal expressions before the run, so a syntax error here means the
 * expression came from a variable.
 */
public final class EvalModule extends AbstractStepModule {
    /** The module name, which the validator looks for to check expressions statically. */
    public static final String NAME = "EVAL";
    /** The expression parameter. */
    public static final String EXPR = "expr";

    public EvalModule() {
        super(
                NAME,
                ValueType.ANY,
                "a Python-like expression over {VAR} placeholders (yes/no and numbers coerced)",
                Param.required(EXPR, ValueType.TEXT));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        String source = text(args, EXPR);
        Expression expression;
        try {
            expression = Expression.parse(source);
        } catch (ExpressionSyntaxException e) {
            throw new StepException("malformed EVAL expression \"" + source + "\": " + e.getMessage(), e);
        }
        try {
            return expression.evaluate(ctx.variables());
        } catch (EvaluationException e) {
            throw new StepException("EVAL \"" + source + "\": " + e.getMessage(), e);
        }
    }
}
