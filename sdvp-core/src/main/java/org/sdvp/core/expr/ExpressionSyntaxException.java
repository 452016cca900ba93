package org.sdvp.core.expr;

/**
 * An EVAL expression does not parse. The column is 1-based within the expression text, so a caller that
 * knows where the expression sits in a program line can point at the exact character.
 */
public final class ExpressionSyntaxException extends Exception {
    private final int column;
    private final String near;
    private final String reason;

    public ExpressionSyntaxException(int column, String near, String reason) {
        super("column " + column + (near.isEmpty() ? "" : " at '" + near + "'") + ": " + reason);
        this.column = column;
        this.near = near;
        this.reason = reason;
    }

    /** 1-based column in the expression text. */
    public int column() {
        return column;
    }

    /** The token the problem is at; empty at the end of the expression. */
    public String near() {
        return near;
    }

    /** What is wrong, without the position (e.g. "Expect ')' after expression."). */
    public String reason() {
        return reason;
    }
}
