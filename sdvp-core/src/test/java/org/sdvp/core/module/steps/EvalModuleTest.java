package org.sdvp.core.module.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

class EvalModuleTest {
    private final EvalModule eval = new EvalModule();

    /** EVAL reads only the program's variables; it never reaches a model, so no gateway is needed. */
    private static StepContext context(Map<String, Value> variables) {
        return new StepContext(variables, null);
    }

    private Value run(String expr, Map<String, Value> variables) throws StepException {
        return eval.execute(Map.of("expr", new TextValue(expr)), context(variables));
    }

    @Test
    void hasTheVisProgSignature() {
        assertEquals("EVAL", eval.name());
        assertEquals(List.of(Param.required("expr", ValueType.TEXT)), eval.params());
        assertEquals(ValueType.ANY, eval.resultType());
    }

    @Test
    void isAStandardModule() {
        assertTrue(StandardModules.registry().find("EVAL").isPresent());
    }

    @Test
    void evaluatesOverTheProgramVariables() throws StepException {
        assertEquals(
                new TextValue("yes"), run("'yes' if {ANSWER0} > 0 else 'no'", Map.of("ANSWER0", new NumberValue(2))));
        assertEquals(
                BoolValue.TRUE,
                run(
                        "{ANSWER0} xor {ANSWER1}",
                        Map.of("ANSWER0", new TextValue("yes"), "ANSWER1", new TextValue("no"))));
    }

    @Test
    void anEvaluationErrorBecomesAStepException() {
        StepException e = assertThrows(StepException.class, () -> run("{A} > 3", Map.of("A", new TextValue("red"))));
        assertEquals("EVAL \"{A} > 3\": cannot compare text 'red' with number 3", e.getMessage());
    }

    @Test
    void aMalformedExpressionBecomesAStepException() {
        StepException e = assertThrows(StepException.class, () -> run("{A} >", Map.of("A", new NumberValue(1))));
        assertEquals("malformed EVAL expression \"{A} >\": column 6: Expect an expression.", e.getMessage());
    }

    @Test
    void anExpressionThatIsNotTextIsAStepException() {
        StepException e = assertThrows(
                StepException.class, () -> eval.execute(Map.of("expr", new NumberValue(1)), context(Map.of())));
        assertEquals("argument 'expr' must be text but is a number (1)", e.getMessage());
    }
}
