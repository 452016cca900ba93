package org.sdvp.core.expr;

import java.util.Objects;
import org.sdvp.core.value.Value;

/**
 * The syntax tree of an EVAL expression. The set of node kinds is closed, and a {@link Visitor} walks it:
 * on Java 17 switch patterns are preview-only, so a visitor is what makes every walker handle every kind
 * (adding a node breaks the build of each walker until it is handled).
 */
public sealed interface Expr
        permits Expr.Literal, Expr.Placeholder, Expr.Unary, Expr.Binary, Expr.Logical, Expr.Conditional {

    <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X;

    /**
     * One method per node kind.
     *
     * @param <R> what the walk produces
     * @param <X> the checked exception a walk may throw (the evaluator's {@link EvaluationException})
     */
    interface Visitor<R, X extends Exception> {
        R visitLiteral(Literal literal) throws X;

        R visitPlaceholder(Placeholder placeholder) throws X;

        R visitUnary(Unary unary) throws X;

        R visitBinary(Binary binary) throws X;

        R visitLogical(Logical logical) throws X;

        R visitConditional(Conditional conditional) throws X;
    }

    /** A string, number, {@code True}, {@code False} or {@code None} written in the expression. */
    record Literal(Value value) implements Expr {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitLiteral(this);
        }
    }

    /** {@code {NAME}}: a program variable; {@code column} is where its '{' is (1-based, in the expression). */
    record Placeholder(String name, int column) implements Expr {
        public Placeholder {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitPlaceholder(this);
        }
    }

    /** {@code -x} or {@code not x}. */
    record Unary(Operator operator, Expr operand) implements Expr {
        public Unary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitUnary(this);
        }
    }

    /** Arithmetic ({@code + - * /}) and comparisons ({@code == != < <= > >=}); both sides are evaluated. */
    record Binary(Expr left, Operator operator, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitBinary(this);
        }
    }

    /** {@code and}, {@code or} (short-circuit, as in Python) and {@code xor}. */
    record Logical(Expr left, Operator operator, Expr right) implements Expr {
        public Logical {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitLogical(this);
        }
    }

    /** Python's {@code whenTrue if condition else whenFalse}; only the chosen branch is evaluated. */
    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {
        public Conditional {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(whenTrue, "whenTrue");
            Objects.requireNonNull(whenFalse, "whenFalse");
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitConditional(this);
        }
    }
}
