package org.sdvp.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits an EVAL expression into tokens. Stops at the first problem: an expression is one short line, so
 * a second error would almost always be a consequence of the first.
 */
final class ExprLexer {
    private static final Map<String, ExprToken.Type> KEYWORDS = Map.of(
            "True",
            ExprToken.Type.TRUE,
            "False",
            ExprToken.Type.FALSE,
            "None",
            ExprToken.Type.NONE,
            "and",
            ExprToken.Type.AND,
            "or",
            ExprToken.Type.OR,
            "xor",
            ExprToken.Type.XOR,
            "not",
            ExprToken.Type.NOT,
            "if",
            ExprToken.Type.IF,
            "else",
            ExprToken.Type.ELSE);

    private final String source;
    private final List<ExprToken> tokens = new ArrayList<>();
    private int start;
    private int current;

    private ExprLexer(String source) {
        this.source = source;
    }

    static List<ExprToken> tokenize(String source) throws ExpressionSyntaxException {
        ExprLexer lexer = new ExprLexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws ExpressionSyntaxException {
        while (current < source.length()) {
            start = current;
            char c = source.charAt(current++);
            switch (c) {
                case ' ', '\t', '\r', '\n' -> {}
                case '(' -> add(ExprToken.Type.LEFT_PAREN, null);
                case ')' -> add(ExprToken.Type.RIGHT_PAREN, null);
                case '+' -> add(ExprToken.Type.PLUS, null);
                case '-' -> add(ExprToken.Type.MINUS, null);
                case '*' -> add(ExprToken.Type.STAR, null);
                case '/' -> add(ExprToken.Type.SLASH, null);
                case '<' -> add(match('=') ? ExprToken.Type.LESS_EQUAL : ExprToken.Type.LESS, null);
                case '>' -> add(match('=') ? ExprToken.Type.GREATER_EQUAL : ExprToken.Type.GREATER, null);
                case '=' -> {
                    if (!match('=')) throw error("Use '==' to compare; '=' is not an operator.");
                    add(ExprToken.Type.EQUAL_EQUAL, null);
                }
                case '!' -> {
                    if (!match('=')) throw error("Use 'not' for negation; '!' alone is not an operator.");
                    add(ExprToken.Type.BANG_EQUAL, null);
                }
                case '\'', '"' -> string(c);
                case '{' -> placeholder();
                default -> {
                    if (isDigit(c) || (c == '.' && isDigit(peek()))) number();
                    else if (isNameStart(c)) name();
                    else throw error("Unexpected character.");
                }
            }
        }
        tokens.add(new ExprToken(ExprToken.Type.EOF, "", null, source.length() + 1));
    }

    private void string(char quote) throws ExpressionSyntaxException {
        StringBuilder text = new StringBuilder();
        while (current < source.length() && source.charAt(current) != quote) {
            char c = source.charAt(current++);
            if (c == '\\' && current < source.length()) {
                text.append(PythonEscapes.unescape(source.charAt(current++)));
            } else {
                text.append(c);
            }
        }
        if (current >= source.length()) {
            throw new ExpressionSyntaxException(start + 1, "", "Unterminated string.");
        }
        current++; // the closing quote
        add(ExprToken.Type.STRING, text.toString());
    }

    private void placeholder() throws ExpressionSyntaxException {
        int nameStart = current;
        while (current < source.length() && isNamePart(source.charAt(current))) current++;
        String name = source.substring(nameStart, current);
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            throw error("Expect a variable name after '{'.");
        }
        if (!match('}')) {
            throw new ExpressionSyntaxException(
                    current + 1, near(current), "Expect '}' after variable name '" + name + "'.");
        }
        add(ExprToken.Type.PLACEHOLDER, name);
    }

    /** Digits with an optional fraction, or a bare fraction such as {@code .5}. */
    private void number() {
        boolean inFraction = source.charAt(start) == '.';
        while (isDigit(peek())) current++;
        if (!inFraction && peek() == '.' && isDigit(peekNext())) {
            current++;
            while (isDigit(peek())) current++;
        }
        add(ExprToken.Type.NUMBER, Double.parseDouble(source.substring(start, current)));
    }

    private void name() throws ExpressionSyntaxException {
        while (isNamePart(peek())) current++;
        String word = source.substring(start, current);
        ExprToken.Type keyword = KEYWORDS.get(word);
        if (keyword == null) {
            // A bare name is almost always a forgotten placeholder; say how to write one.
            throw new ExpressionSyntaxException(
                    start + 1, word, "Unknown name '" + word + "'; write {" + word + "} to use a program variable.");
        }
        add(keyword, null);
    }

    private boolean match(char expected) {
        if (current >= source.length() || source.charAt(current) != expected) return false;
        current++;
        return true;
    }

    private char peek() {
        return current < source.length() ? source.charAt(current) : '\0';
    }

    private char peekNext() {
        return current + 1 < source.length() ? source.charAt(current + 1) : '\0';
    }

    private void add(ExprToken.Type type, Object value) {
        tokens.add(new ExprToken(type, source.substring(start, current), value, start + 1));
    }

    private ExpressionSyntaxException error(String reason) {
        return new ExpressionSyntaxException(start + 1, near(start), reason);
    }

    /** The code point at {@code index} as text; empty at the end or on a blank (quoting a blank helps no one). */
    private String near(int index) {
        if (index >= source.length() || Character.isWhitespace(source.charAt(index))) return "";
        return new String(Character.toChars(source.codePointAt(index)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
