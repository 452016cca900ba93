package org.sdvp.core.expr;

/**
 * One token of an EVAL expression.
 *
 * @param type   what kind of token
 * @param lexeme the source text of the token (empty for {@link Type#EOF})
 * @param value  the decoded string, the number, or the placeholder's variable name; null otherwise
 * @param column 1-based column of the token's first character
 */
record ExprToken(Type type, String lexeme, Object value, int column) {

    enum Type {
        NUMBER,
        STRING,
        PLACEHOLDER,
        TRUE,
        FALSE,
        NONE,
        AND,
        OR,
        XOR,
        NOT,
        IF,
        ELSE,
        PLUS,
        MINUS,
        STAR,
        SLASH,
        EQUAL_EQUAL,
        BANG_EQUAL,
        LESS,
        LESS_EQUAL,
        GREATER,
        GREATER_EQUAL,
        LEFT_PAREN,
        RIGHT_PAREN,
        EOF
    }
}
