package org.sdvp.bench.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sdvp.core.value.ValueType;

/**
 * Random {@code EVAL} expressions that parse, over the variables assigned so far: comparisons, arithmetic
 * (division by zero included), {@code and}/{@code or}/{@code xor}/{@code not} and the conditional
 * {@code 'yes' if ... else 'no'} VisProg writes. Placeholders name numbers and answers mostly, and now and
 * then a variable of any type (an image, boxes), which the validator accepts and the run must refuse cleanly.
 */
final class ExpressionGenerator {
    private static final List<String> OPERATORS = List.of("+", "-", "*", "/");
    private static final List<String> COMPARISONS = List.of("==", "!=", "<", "<=", ">", ">=");
    private static final List<String> WORDS = List.of("'yes'", "'no'", "'red'", "'cube'", "'2'", "''", "True", "None");

    private ExpressionGenerator() {}

    static String expression(Map<String, ValueType> vars, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> condition(vars, random, 2);
            case 1 -> term(vars, random, 2);
            default -> "'yes' if " + condition(vars, random, 2) + " else 'no'";
        };
    }

    private static String condition(Map<String, ValueType> vars, Random random, int depth) {
        int r = random.nextInt(depth > 0 ? 5 : 3);
        return switch (r) {
            case 0, 1 ->
                term(vars, random, depth) + " " + VisProgGenerator.pick(COMPARISONS, random) + " "
                        + term(vars, random, depth);
            case 2 -> operand(vars, random) + " == " + VisProgGenerator.pick(WORDS, random);
            case 3 -> "not " + condition(vars, random, depth - 1);
            default ->
                "(" + condition(vars, random, depth - 1) + ") "
                        + VisProgGenerator.pick(List.of("and", "or", "xor"), random) + " ("
                        + condition(vars, random, depth - 1) + ")";
        };
    }

    private static String term(Map<String, ValueType> vars, Random random, int depth) {
        if (depth <= 0 || random.nextInt(3) > 0) return operand(vars, random);
        return operand(vars, random) + " " + VisProgGenerator.pick(OPERATORS, random) + " "
                + term(vars, random, depth - 1);
    }

    private static String operand(Map<String, ValueType> vars, Random random) {
        List<String> answers = VisProgGenerator.variablesOf(ValueType.NUMBER, vars);
        answers.addAll(VisProgGenerator.variablesOf(ValueType.TEXT, vars));
        answers.addAll(VisProgGenerator.variablesOf(ValueType.BOOL, vars));
        int r = random.nextInt(10);
        if (r < 6 && !answers.isEmpty()) return "{" + VisProgGenerator.pick(answers, random) + "}";
        if (r == 6) return "{" + VisProgGenerator.pick(List.copyOf(vars.keySet()), random) + "}";
        if (r == 7) return VisProgGenerator.pick(WORDS, random);
        return Integer.toString(random.nextInt(6));
    }
}
