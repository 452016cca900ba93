/**
 * EVAL expressions: a small Python-like language over {@code {VAR}} placeholders, with its own lexer,
 * recursive-descent parser, syntax tree ({@link org.sdvp.core.expr.Expr}, a sealed interface of records
 * walked by a visitor) and tree-walking evaluator. VisProg evaluates these strings with Python's
 * {@code eval}; here nothing is executed but arithmetic, comparisons and boolean logic, and no scripting
 * engine or reflection is involved.
 *
 * <p>Entry point: {@link org.sdvp.core.expr.Expression#parse(String)}, then
 * {@link org.sdvp.core.expr.Expression#evaluate(java.util.Map)}. Placeholder values are coerced as VisProg
 * does ({@link org.sdvp.core.expr.Coercions}). Parse errors are
 * {@link org.sdvp.core.expr.ExpressionSyntaxException} (with a column), evaluation errors
 * {@link org.sdvp.core.expr.EvaluationException}.
 *
 * <p>Thread-safety: an {@code Expression} is immutable and may be evaluated concurrently; the lexer,
 * parser and evaluator are internal, single-use objects.
 */
package org.sdvp.core.expr;
