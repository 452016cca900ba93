package org.sdvp.core.expr;

import java.util.Map;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;

/**
 * Walks an expression tree with Python's semantics for the values VisProg programs produce. One instance
 * per evaluation; it holds the (already coerced) variables.
 */
final class Evaluator implements Expr.Visitor<Value, EvaluationException> {
    private final Map<String, Value> variables;

    Evaluator(Map<String, Value> variables) {
        this.variables = variables;
    }

    @Override
    public Value visitLiteral(Expr.Literal literal) {
        return literal.value();
    }

    @Override
    public Value visitPlaceholder(Expr.Placeholder placeholder) throws EvaluationException {
        Value value = variables.get(placeholder.name());
        if (value == null) throw new EvaluationException("undefined variable {" + placeholder.name() + "}");
        return Coercions.coerce(value);
    }

    @Override
    public Value visitUnary(Expr.Unary unary) throws EvaluationException {
        Value operand = unary.operand().accept(this);
        if (unary.operator() == Operator.NOT) return BoolValue.of(!Coercions.isTruthy(operand));
        Double n = Coercions.numeric(operand);
        if (n == null) throw new EvaluationException("cannot negate " + Coercions.describe(operand));
        return new NumberValue(-n);
    }

    @Override
    public Value visitBinary(Expr.Binary binary) throws EvaluationException {
        Value left = binary.left().accept(this);
        Value right = binary.right().accept(this);
        Operator op = binary.operator();
        switch (op) {
            case EQUAL:
                return BoolValue.of(equal(left, right));
            case NOT_EQUAL:
                return BoolValue.of(!equal(left, right));
            case LESS:
            case LESS_EQUAL:
            case GREATER:
            case GREATER_EQUAL:
                return BoolValue.of(ordered(op, compare(left, right)));
            case PLUS:
                if (left instanceof TextValue a && right instanceof TextValue b)
                    return new TextValue(a.text() + b.text());
                return arithmetic(op, left, right);
            default:
                return arithmetic(op, left, right);
        }
    }

    @Override
    public Value visitLogical(Expr.Logical logical) throws EvaluationException {
        Value left = logical.left().accept(this);
        switch (logical.operator()) {
            // Python's 'and'/'or' short-circuit and yield an operand, not necessarily a boolean.
            case AND:
                return Coercions.isTruthy(left) ? logical.right().accept(this) : left;
            case OR:
                return Coercions.isTruthy(left) ? left : logical.right().accept(this);
            default:
                Value right = logical.right().accept(this);
                return BoolValue.of(bool(left) != bool(right));
        }
    }

    @Override
    public Value visitConditional(Expr.Conditional conditional) throws EvaluationException {
        boolean condition = Coercions.isTruthy(conditional.condition().accept(this));
        return (condition ? conditional.whenTrue() : conditional.whenFalse()).accept(this);
    }

    /** Python's {@code ==}: numbers and booleans compare by value (True == 1); other kinds must match. */
    private static boolean equal(Value left, Value right) {
        Double a = Coercions.numeric(left), b = Coercions.numeric(right);
        if (a != null && b != null) return a.doubleValue() == b.doubleValue();
        if (left == NoneValue.INSTANCE || right == NoneValue.INSTANCE) return left == right;
        return left.equals(right);
    }

    /** Sign of left minus right, for numbers (booleans count) or for two texts (lexicographic, as Python). */
    private static int compare(Value left, Value right) throws EvaluationException {
        Double a = Coercions.numeric(left), b = Coercions.numeric(right);
        if (a != null && b != null) return Double.compare(a, b);
        if (left instanceof TextValue x && right instanceof TextValue y)
            return Integer.signum(x.text().compareTo(y.text()));
        throw new EvaluationException(
                "cannot compare " + Coercions.describe(left) + " with " + Coercions.describe(right));
    }

    private static boolean ordered(Operator op, int sign) {
        switch (op) {
            case LESS:
                return sign < 0;
            case LESS_EQUAL:
                return sign <= 0;
            case GREATER:
                return sign > 0;
            default:
                return sign >= 0;
        }
    }

    private static Value arithmetic(Operator op, Value left, Value right) throws EvaluationException {
        Double a = Coercions.numeric(left), b = Coercions.numeric(right);
        if (a == null || b == null) {
            throw new EvaluationException("cannot apply '" + op.symbol() + "' to " + Coercions.describe(left) + " and "
                    + Coercions.describe(right));
        }
        switch (op) {
            case PLUS:
                return new NumberValue(a + b);
            case MINUS:
                return new NumberValue(a - b);
            case TIMES:
                return new NumberValue(a * b);
            default:
                if (b == 0) throw new EvaluationException("division by zero");
                return new NumberValue(a / b);
        }
    }

    /** xor is "exactly one of two yes/no facts"; on anything else it would silently mean "differ". */
    private static boolean bool(Value value) throws EvaluationException {
        if (value instanceof BoolValue b) return b.value();
        throw new EvaluationException("'xor' needs two booleans but got " + Coercions.describe(value));
    }
}
