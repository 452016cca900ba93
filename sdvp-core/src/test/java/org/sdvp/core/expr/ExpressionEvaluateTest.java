package org.sdvp.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/** EVAL semantics: VisProg's coercions, Python's operators, and the evaluation error messages. */
class ExpressionEvaluateTest {

    /** Variables from name/value pairs; strings become TextValues, as VQA answers are. */
    private static Map<String, Value> vars(Object... pairs) {
        Map<String, Value> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            m.put((String) pairs[i], v instanceof String s ? new TextValue(s) : (Value) v);
        }
        return m;
    }

    private static Value eval(String source, Object... pairs) throws Exception {
        return Expression.parse(source).evaluate(vars(pairs));
    }

    private static String failure(String source, Object... pairs) throws ExpressionSyntaxException {
        Expression e = Expression.parse(source);
        return assertThrows(EvaluationException.class, () -> e.evaluate(vars(pairs)))
                .getMessage();
    }

    @Test
    void yesAndNoBecomeBooleansIgnoringCaseAndBlanks() throws Exception {
        assertEquals(BoolValue.TRUE, eval("{A}", "A", "yes"));
        assertEquals(BoolValue.TRUE, eval("{A}", "A", " Yes "));
        assertEquals(BoolValue.FALSE, eval("{A}", "A", "NO"));
    }

    @Test
    void decimalTextBecomesANumber() throws Exception {
        assertEquals(new NumberValue(3), eval("{A}", "A", "3"));
        assertEquals(new NumberValue(5.5), eval("{A} + 2", "A", "3.5"));
        assertEquals(new NumberValue(-2), eval("{A}", "A", "-2"));
    }

    @Test
    void otherTextStaysText() throws Exception {
        assertEquals(new TextValue("red"), eval("{A}", "A", "red"));
        assertEquals(new TextValue("3 dogs"), eval("{A}", "A", "3 dogs"));
        assertEquals(BoolValue.TRUE, eval("{A} == 'red'", "A", "red"));
    }

    @Test
    void ternaryYieldsText() throws Exception {
        String source = "'yes' if {ANSWER0} > 0 else 'no'";
        assertEquals(new TextValue("yes"), eval(source, "ANSWER0", new NumberValue(2)));
        assertEquals(new TextValue("no"), eval(source, "ANSWER0", new NumberValue(0)));
    }

    @Test
    void onlyTheChosenBranchIsEvaluated() throws Exception {
        assertEquals(new NumberValue(1), eval("1 if True else 1 / 0"));
    }

    @Test
    void xorMeansExactlyOne() throws Exception {
        assertEquals(BoolValue.TRUE, eval("{A} xor {B}", "A", "yes", "B", "no"));
        assertEquals(BoolValue.FALSE, eval("{A} xor {B}", "A", "yes", "B", "yes"));
        assertEquals(BoolValue.FALSE, eval("{A} xor {B}", "A", "no", "B", "no"));
    }

    @Test
    void andOrNotFollowPython() throws Exception {
        assertEquals(BoolValue.FALSE, eval("{A} and {B}", "A", "yes", "B", "no"));
        assertEquals(BoolValue.TRUE, eval("{A} or {B}", "A", "no", "B", "yes"));
        assertEquals(BoolValue.TRUE, eval("not {A}", "A", "no"));
        // Python's 'or' yields an operand, not a boolean
        assertEquals(new TextValue("red"), eval("{A} or 'none'", "A", "red"));
        // short-circuit: the right side would be a type error
        assertEquals(BoolValue.FALSE, eval("{A} and {B} > 3", "A", "no", "B", "red"));
    }

    @Test
    void booleansCountAsOneAndZeroInArithmetic() throws Exception {
        assertEquals(BoolValue.TRUE, eval("{A} + {B} == 2", "A", "yes", "B", "yes"));
        assertEquals(BoolValue.FALSE, eval("{A} + {B} == 2", "A", "yes", "B", "no"));
        assertEquals(new NumberValue(2), eval("True + True"));
        assertEquals(BoolValue.TRUE, eval("True == 1"));
    }

    @Test
    void arithmeticHasPrecedenceAndUnaryMinus() throws Exception {
        assertEquals(new NumberValue(7), eval("1 + 2 * 3"));
        assertEquals(new NumberValue(9), eval("(1 + 2) * 3"));
        assertEquals(new NumberValue(-6), eval("-2 * 3"));
        assertEquals(new NumberValue(2.5), eval("10 / 4"));
        assertEquals(new NumberValue(3), eval("10 - 4 - 3"));
        assertEquals(BoolValue.TRUE, eval("{A} + {B} == 6 and {C} + {D} == 2", "A", "4", "B", "2", "C", "1", "D", "1"));
    }

    @Test
    void comparisonsOnNumbersAndTexts() throws Exception {
        assertEquals(BoolValue.TRUE, eval("{A} >= 2", "A", "2"));
        assertEquals(BoolValue.FALSE, eval("{A} < 2", "A", "2"));
        assertEquals(BoolValue.TRUE, eval("'apple' < 'pear'"));
        assertEquals(BoolValue.TRUE, eval("{A} != 3", "A", "red"));
        assertEquals(BoolValue.TRUE, eval("None == None"));
        assertEquals(BoolValue.FALSE, eval("None == 0"));
    }

    @Test
    void textPlusTextConcatenates() throws Exception {
        assertEquals(new TextValue("red car"), eval("{A} + ' car'", "A", "red"));
    }

    @Test
    void comparingTextWithNumberIsAnError() throws Exception {
        assertEquals("cannot compare text 'red' with number 3", failure("{A} > 3", "A", "red"));
    }

    @Test
    void arithmeticOnBoxesIsAnError() throws Exception {
        BoxesValue boxes = new BoxesValue(List.of(new Detection(new Box(0, 0, 1, 1), "dog", 0.9)));
        assertEquals("cannot apply '+' to boxes (1 found) and number 1", failure("{B} + 1", "B", boxes));
    }

    @Test
    void arithmeticOnListsAndTextIsAnError() throws Exception {
        assertEquals(
                "cannot apply '*' to a list of 0 items and number 2",
                failure("{L} * 2", "L", new ListValue(List.of())));
        assertEquals("cannot apply '-' to text 'red' and boolean True", failure("{A} - True", "A", "red"));
    }

    @Test
    void negatingTextIsAnError() throws Exception {
        assertEquals("cannot negate text 'red'", failure("-{A}", "A", "red"));
    }

    @Test
    void divisionByZeroIsAnError() throws Exception {
        assertEquals("division by zero", failure("{A} / 0", "A", "3"));
    }

    @Test
    void xorOnANumberIsAnError() throws Exception {
        assertEquals("'xor' needs two booleans but got number 3", failure("{A} xor {B}", "A", "yes", "B", "3"));
    }

    @Test
    void missingVariableIsAnErrorEvenOnABranchNotTaken() throws Exception {
        assertEquals("undefined variable {Z}", failure("1 if True else {Z}"));
    }

    @Test
    void noneIsFalsy() throws Exception {
        assertEquals(new TextValue("n"), eval("'y' if {A} else 'n'", "A", NoneValue.INSTANCE));
    }

    @Test
    void longTextIsShortenedInMessages() throws Exception {
        String longText = "x".repeat(60);
        assertEquals("cannot negate text '" + "x".repeat(40) + "...'", failure("-{A}", "A", longText));
    }
}
