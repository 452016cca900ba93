package org.sdvp.core.program;

/**
 * One token of a program line.
 *
 * @param type   what kind of token
 * @param lexeme the source text (empty for {@link Type#END})
 * @param value  the decoded text of a string, the {@code Double} of a number, null otherwise
 * @param column 1-based column of the first character
 */
record Token(Type type, String lexeme, Object value, int column) {
    enum Type {
        NAME,
        STRING,
        NUMBER,
        EQUAL,
        LEFT_PAREN,
        RIGHT_PAREN,
        COMMA,
        END
    }
}
