package org.sdvp.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What EVAL expressions parse, and one test per syntax error message (in lexer, then parser order). */
class ExpressionParseTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'yes' if {ANSWER0} > 0 else 'no'",
                "'yes' if {ANSWER0} > 0 and {ANSWER1} > 0 else 'no'",
                "{ANSWER0} and {ANSWER1}",
                "{ANSWER0} xor {ANSWER1}",
                "{ANSWER0} + {ANSWER1} == 2",
                "{ANSWER0} + {ANSWER1} == 6 and {ANSWER2} + {ANSWER3} == 2",
                "not {ANSWER0} or ({ANSWER1} != 'red')",
                "'left' if {ANSWER0} >= 1.5 else \"right\"",
                "-{X} * (2 - 3) / 4 <= -0.5",
                "True if None == None else False",
                "'it\\'s' + \"a \\\"b\\\"\"",
            })
    void acceptsVisProgExpressions(String source) throws ExpressionSyntaxException {
        assertEquals(source, Expression.parse(source).source());
    }

    @Test
    void listsPlaceholdersInOrderOfFirstUse() throws ExpressionSyntaxException {
        Expression e = Expression.parse("{B} + {A} + {B}");
        assertEquals(List.of("B", "A"), List.copyOf(e.placeholders()));
        assertEquals(
                List.of(new Expr.Placeholder("B", 1), new Expr.Placeholder("A", 7), new Expr.Placeholder("B", 13)),
                e.placeholderUses());
    }

    @Test
    void multiplicationBindsTighterThanAdditionAndComparisonLooserStill() throws ExpressionSyntaxException {
        Expr root = Expression.parse("1 + 2 * 3 == 7").root();
        Expr.Binary eq = assertInstanceOf(Expr.Binary.class, root);
        assertEquals(Operator.EQUAL, eq.operator());
        Expr.Binary plus = assertInstanceOf(Expr.Binary.class, eq.left());
        assertEquals(Operator.PLUS, plus.operator());
        assertEquals(
                Operator.TIMES,
                assertInstanceOf(Expr.Binary.class, plus.right()).operator());
    }

    @Test
    void ternaryIsLowestAndNests() throws ExpressionSyntaxException {
        Expr.Conditional c = assertInstanceOf(
                Expr.Conditional.class,
                Expression.parse("'a' if {X} else 'b' if {Y} else 'c'").root());
        assertInstanceOf(Expr.Conditional.class, c.whenFalse());
    }

    @Test
    void xorBindsLooserThanAnd() throws ExpressionSyntaxException {
        Expr.Logical xor = assertInstanceOf(
                Expr.Logical.class, Expression.parse("{A} and {B} xor {C}").root());
        assertEquals(Operator.XOR, xor.operator());
        assertEquals(
                Operator.AND, assertInstanceOf(Expr.Logical.class, xor.left()).operator());
    }

    @Test
    void placeholdersInsideStringsAreText() throws ExpressionSyntaxException {
        assertEquals(Set.of(), Expression.parse("'{NOT_A_VAR}'").placeholders());
    }

    private static ExpressionSyntaxException error(String source) {
        return assertThrows(ExpressionSyntaxException.class, () -> Expression.parse(source));
    }

    private static void assertError(String source, int column, String near, String reason) {
        ExpressionSyntaxException e = error(source);
        assertEquals(List.of(column, near, reason), List.of(e.column(), e.near(), e.reason()));
    }

    @Test
    void messageNamesColumnAndToken() {
        assertEquals("column 3 at '$': Unexpected character.", error("1 $ 2").getMessage());
    }

    @Test
    void emptyExpression() {
        assertError("   ", 1, "", "Empty expression.");
    }

    @Test
    void unexpectedCharacter() {
        assertError("{A} & {B}", 5, "&", "Unexpected character.");
    }

    @Test
    void unterminatedString() {
        assertError("{A} == 'red", 8, "", "Unterminated string.");
    }

    @Test
    void singleEquals() {
        assertError("{A} = 1", 5, "=", "Use '==' to compare; '=' is not an operator.");
    }

    @Test
    void bangWithoutEquals() {
        assertError("!{A}", 1, "!", "Use 'not' for negation; '!' alone is not an operator.");
    }

    @Test
    void placeholderWithoutName() {
        assertError("{} > 1", 1, "{", "Expect a variable name after '{'.");
    }

    @Test
    void placeholderWithoutClosingBrace() {
        assertError("{A) > 1", 3, ")", "Expect '}' after variable name 'A'.");
    }

    @Test
    void placeholderWithoutClosingBraceBeforeABlankQuotesNothing() {
        assertError("{A > 1", 3, "", "Expect '}' after variable name 'A'.");
    }

    @Test
    void aBareFractionIsANumberAndTwoInARowAreTwoNumbers() throws ExpressionSyntaxException {
        assertEquals(".5", Expression.parse(".5").source());
        assertError(".5.5", 3, ".5", "Unexpected '.5' after the end of the expression.");
    }

    @Test
    void bareName() {
        assertError("ANSWER0 > 0", 1, "ANSWER0", "Unknown name 'ANSWER0'; write {ANSWER0} to use a program variable.");
    }

    @Test
    void missingOperand() {
        assertError("{A} +", 6, "", "Expect an expression.");
    }

    @Test
    void unclosedParenthesis() {
        assertError("({A} + 1", 9, "", "Expect ')' after expression.");
    }

    @Test
    void ternaryWithoutElse() {
        assertError("'yes' if {A} > 0", 17, "", "Expect 'else' after the condition of 'if'.");
    }

    @Test
    void chainedComparison() {
        assertError("1 < {A} < 3", 9, "<", "Chained comparisons are not supported; join them with 'and'.");
    }

    @Test
    void trailingTokens() {
        assertError("{A} > 0)", 8, ")", "Unexpected ')' after the end of the expression.");
    }

    @Test
    void nestingDeeperThanTheLimit() {
        String deep = "(".repeat(150) + "1" + ")".repeat(150);
        assertEquals(
                "Expression nests too deeply (more than 100 levels).",
                error(deep).reason());
        assertEquals(
                "Expression nests too deeply (more than 100 levels).",
                error("-".repeat(500) + "1").reason());
    }
}
