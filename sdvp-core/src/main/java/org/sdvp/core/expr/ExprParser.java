package org.sdvp.core.expr;

import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;

/**
 * Recursive-descent parser for EVAL expressions, lowest precedence first:
 *
 * <pre>
 * expression     := or ( "if" or "else" expression )?
 * or             := xor ( "or" xor )*
 * xor            := and ( "xor" and )*
 * and            := not ( "and" not )*
 * not            := "not" not | comparison
 * comparison     := additive ( ( "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) additive )?
 * additive       := multiplicative ( ( "+" | "-" ) multiplicative )*
 * multiplicative := unary ( ( "*" | "/" ) unary )*
 * unary          := "-" unary | primary
 * primary        := NUMBER | STRING | "True" | "False" | "None" | "{" NAME "}" | "(" expression ")"
 * </pre>
 *
 * <p>This is Python's precedence; {@code xor} (which Python lacks) sits between {@code or} and {@code and},
 * as exclusive-or does among C's bitwise operators, so {@code a and b xor c} means {@code (a and b) xor c}.
 */
final class ExprParser {
    /** Bounds recursion so that hostile input gets a syntax error, not a StackOverflowError. */
    static final int MAX_DEPTH = 100;

    private final List<ExprToken> tokens;
    private final List<Expr.Placeholder> placeholders = new ArrayList<>();
    private int current;
    private int depth;

    private ExprParser(List<ExprToken> tokens) {
        this.tokens = tokens;
    }

    /** The parsed tree and every placeholder in source order. */
    record Result(Expr root, List<Expr.Placeholder> placeholders) {}

    static Result parse(String source) throws ExpressionSyntaxException {
        List<ExprToken> tokens = ExprLexer.tokenize(source);
        if (tokens.size() == 1) throw new ExpressionSyntaxException(1, "", "Empty expression.");
        ExprParser parser = new ExprParser(tokens);
        Expr root = parser.expression();
        if (!parser.check(ExprToken.Type.EOF)) {
            ExprToken extra = parser.peek();
            throw new ExpressionSyntaxException(
                    extra.column(),
                    extra.lexeme(),
                    "Unexpected '" + extra.lexeme() + "' after the end of the expression.");
        }
        return new Result(root, List.copyOf(parser.placeholders));
    }

    private Expr expression() throws ExpressionSyntaxException {
        enter();
        Expr value = or();
        if (match(ExprToken.Type.IF)) {
            Expr condition = or();
            consume(ExprToken.Type.ELSE, "Expect 'else' after the condition of 'if'.");
            Expr otherwise = expression();
            value = new Expr.Conditional(condition, value, otherwise);
        }
        depth--;
        return value;
    }

    private Expr or() throws ExpressionSyntaxException {
        Expr left = xor();
        while (match(ExprToken.Type.OR)) left = new Expr.Logical(left, Operator.OR, xor());
        return left;
    }

    private Expr xor() throws ExpressionSyntaxException {
        Expr left = and();
        while (match(ExprToken.Type.XOR)) left = new Expr.Logical(left, Operator.XOR, and());
        return left;
    }

    private Expr and() throws ExpressionSyntaxException {
        Expr left = not();
        while (match(ExprToken.Type.AND)) left = new Expr.Logical(left, Operator.AND, not());
        return left;
    }

    private Expr not() throws ExpressionSyntaxException {
        if (match(ExprToken.Type.NOT)) {
            enter();
            Expr operand = not();
            depth--;
            return new Expr.Unary(Operator.NOT, operand);
        }
        return comparison();
    }

    private Expr comparison() throws ExpressionSyntaxException {
        Expr left = additive();
        Operator op = comparisonOperator();
        if (op == null) return left;
        Expr result = new Expr.Binary(left, op, additive());
        if (comparisonOperator() != null) {
            ExprToken second = previous();
            throw new ExpressionSyntaxException(
                    second.column(), second.lexeme(), "Chained comparisons are not supported; join them with 'and'.");
        }
        return result;
    }

    /** Consumes a comparison operator if one is next. */
    private Operator comparisonOperator() {
        if (match(ExprToken.Type.EQUAL_EQUAL)) return Operator.EQUAL;
        if (match(ExprToken.Type.BANG_EQUAL)) return Operator.NOT_EQUAL;
        if (match(ExprToken.Type.LESS)) return Operator.LESS;
        if (match(ExprToken.Type.LESS_EQUAL)) return Operator.LESS_EQUAL;
        if (match(ExprToken.Type.GREATER)) return Operator.GREATER;
        if (match(ExprToken.Type.GREATER_EQUAL)) return Operator.GREATER_EQUAL;
        return null;
    }

    private Expr additive() throws ExpressionSyntaxException {
        Expr left = multiplicative();
        while (true) {
            if (match(ExprToken.Type.PLUS)) left = new Expr.Binary(left, Operator.PLUS, multiplicative());
            else if (match(ExprToken.Type.MINUS)) left = new Expr.Binary(left, Operator.MINUS, multiplicative());
            else return left;
        }
    }

    private Expr multiplicative() throws ExpressionSyntaxException {
        Expr left = unary();
        while (true) {
            if (match(ExprToken.Type.STAR)) left = new Expr.Binary(left, Operator.TIMES, unary());
            else if (match(ExprToken.Type.SLASH)) left = new Expr.Binary(left, Operator.DIVIDE, unary());
            else return left;
        }
    }

    private Expr unary() throws ExpressionSyntaxException {
        if (match(ExprToken.Type.MINUS)) {
            enter();
            Expr operand = unary();
            depth--;
            return new Expr.Unary(Operator.NEGATE, operand);
        }
        return primary();
    }

    private Expr primary() throws ExpressionSyntaxException {
        ExprToken token = peek();
        switch (token.type()) {
            case NUMBER -> {
                advance();
                return new Expr.Literal(new NumberValue((Double) token.value()));
            }
            case STRING -> {
                advance();
                return new Expr.Literal(new TextValue((String) token.value()));
            }
            case TRUE -> {
                advance();
                return new Expr.Literal(BoolValue.TRUE);
            }
            case FALSE -> {
                advance();
                return new Expr.Literal(BoolValue.FALSE);
            }
            case NONE -> {
                advance();
                return new Expr.Literal(NoneValue.INSTANCE);
            }
            case PLACEHOLDER -> {
                advance();
                Expr.Placeholder placeholder = new Expr.Placeholder((String) token.value(), token.column());
                placeholders.add(placeholder);
                return placeholder;
            }
            case LEFT_PAREN -> {
                advance();
                Expr inner = expression();
                consume(ExprToken.Type.RIGHT_PAREN, "Expect ')' after expression.");
                return inner;
            }
            default -> throw new ExpressionSyntaxException(token.column(), token.lexeme(), "Expect an expression.");
        }
    }

    private void enter() throws ExpressionSyntaxException {
        if (++depth > MAX_DEPTH) {
            ExprToken token = peek();
            throw new ExpressionSyntaxException(
                    token.column(),
                    token.lexeme(),
                    "Expression nests too deeply (more than " + MAX_DEPTH + " levels).");
        }
    }

    private void consume(ExprToken.Type type, String reason) throws ExpressionSyntaxException {
        if (check(type)) {
            advance();
            return;
        }
        ExprToken token = peek();
        throw new ExpressionSyntaxException(token.column(), token.lexeme(), reason);
    }

    private boolean match(ExprToken.Type type) {
        if (!check(type)) return false;
        advance();
        return true;
    }

    private boolean check(ExprToken.Type type) {
        return peek().type() == type;
    }

    private void advance() {
        if (!check(ExprToken.Type.EOF)) current++;
    }

    private ExprToken peek() {
        return tokens.get(current);
    }

    private ExprToken previous() {
        return tokens.get(current - 1);
    }
}
