package org.sdvp.core.expr;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sdvp.core.value.Value;

/**
 * A parsed EVAL expression such as {@code "'yes' if {ANSWER0} > 0 else 'no'"}: Python-like syntax with
 * {@code {VAR}} placeholders, evaluated by this package's own tree walker (never a scripting engine), so
 * a program can compute but cannot call anything.
 *
 * <p>Immutable and thread-safe: parse once, evaluate many times with different variables.
 */
public final class Expression {
    private final String source;
    private final Expr root;
    private final List<Expr.Placeholder> uses;
    private final Set<String> placeholders;

    private Expression(String source, Expr root, List<Expr.Placeholder> uses) {
        this.source = source;
        this.root = root;
        this.uses = uses;
        Set<String> names = new LinkedHashSet<>();
        for (Expr.Placeholder use : uses) names.add(use.name());
        this.placeholders = Collections.unmodifiableSet(names);
    }

    /**
     * Parses an expression.
     *
     * @throws ExpressionSyntaxException with the 1-based column of the first problem
     */
    public static Expression parse(String source) throws ExpressionSyntaxException {
        Objects.requireNonNull(source, "source");
        ExprParser.Result result = ExprParser.parse(source);
        return new Expression(source, result.root(), result.placeholders());
    }

    public String source() {
        return source;
    }

    /** The syntax tree, for walkers other than the evaluator. */
    public Expr root() {
        return root;
    }

    /** The variable names the expression reads, in order of first use. */
    public Set<String> placeholders() {
        return placeholders;
    }

    /** Every placeholder occurrence with its column, in source order (for error messages). */
    public List<Expr.Placeholder> placeholderUses() {
        return uses;
    }

    /**
     * Evaluates the expression. Placeholder values are first coerced as VisProg does (see
     * {@link Coercions#coerce}); string results are {@code TextValue}s, comparisons give {@code BoolValue}s,
     * arithmetic gives {@code NumberValue}s.
     *
     * @param variables the program's variables by name
     * @throws EvaluationException if a placeholder is not among the variables or an operation does not
     *                             apply to its operands
     */
    public Value evaluate(Map<String, Value> variables) throws EvaluationException {
        // Checked up front so that a missing variable is reported even on a branch not taken, as
        // VisProg's str.format substitution would.
        for (String name : placeholders) {
            if (variables.get(name) == null) {
                throw new EvaluationException("undefined variable {" + name + "}");
            }
        }
        return root.accept(new Evaluator(variables));
    }

    @Override
    public String toString() {
        return source;
    }
}
