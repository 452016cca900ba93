package org.sdvp.core.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/**
 * No input makes {@link Expression#parse} throw anything but {@link ExpressionSyntaxException}, and no
 * parsed expression over any values makes {@link Expression#evaluate} throw anything but
 * {@link EvaluationException}.
 */
class ExpressionPropertyTest {
    private static final List<String> TOKENS = List.of(
            "{A}", "{B}", "{C}", "(", ")", "'yes'", "\"no\"", "'red'", "3", "0", "2.5", "-", "+", "*", "/", "==", "!=",
            "<", "<=", ">", ">=", "and", "or", "not", "xor", "if", "else", "True", "False", "None", "{", "}", "'", "\"",
            "\\", "=", "!", "ANSWER0", ".", "#", "é");

    @Property(tries = 300)
    void randomTextOnlyEverFailsWithASyntaxError(@ForAll @StringLength(max = 120) String source) {
        parseOrSyntaxError(source);
    }

    @Property(tries = 1000)
    void tokenSoupParsesOrFailsWithASyntaxErrorAndEvaluatesOrFailsWithAnEvaluationError(
            @ForAll("tokenSoup") String source,
            @ForAll("value") Value a,
            @ForAll("value") Value b,
            @ForAll("value") Value c) {
        Expression expression = parseOrSyntaxError(source);
        if (expression == null) return;
        Map<String, Value> variables = new HashMap<>(Map.of("A", a, "B", b, "C", c));
        try {
            Value result = expression.evaluate(variables);
            assertTrue(result != null);
        } catch (EvaluationException e) {
            assertTrue(!e.getMessage().isBlank());
        }
    }

    private static Expression parseOrSyntaxError(String source) {
        try {
            return Expression.parse(source);
        } catch (ExpressionSyntaxException e) {
            assertTrue(e.column() >= 1 && e.column() <= source.length() + 1, "column " + e.column() + " in " + source);
            return null;
        }
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> separator = Arbitraries.of("", " ", "  ");
        return Arbitraries.of(TOKENS)
                .list()
                .ofMaxSize(14)
                .flatMap(tokens -> separator.map(sep -> String.join(sep, tokens)));
    }

    @Provide
    Arbitrary<Value> value() {
        BufferedImage pixels = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        return Arbitraries.of(
                new TextValue("yes"),
                new TextValue(" No"),
                new TextValue("3"),
                new TextValue("-1.5"),
                new TextValue("red"),
                new TextValue(""),
                new NumberValue(0),
                new NumberValue(2.5),
                BoolValue.TRUE,
                BoolValue.FALSE,
                NoneValue.INSTANCE,
                BoxesValue.empty(),
                new ListValue(List.of()),
                ImageValue.source("img", pixels));
    }
}
