package org.sdvp.core.program;

import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.expr.PythonEscapes;

/**
 * Splits one program line into tokens. Statements never span lines, so the scanner works line by line
 * and a problem on one line cannot disturb the next. It reports every bad character on the line (a
 * stray character does not hide a later unterminated string) and a {@code #} outside a string starts a
 * comment.
 */
final class ProgramScanner {
    private final String line;
    private final int lineNumber;
    private final List<ProgramError> errors;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int current;

    private ProgramScanner(String line, int lineNumber, List<ProgramError> errors) {
        this.line = line;
        this.lineNumber = lineNumber;
        this.errors = errors;
    }

    /** The tokens of {@code line}, ending with {@link Token.Type#END}; problems are added to {@code errors}. */
    static List<Token> scan(String line, int lineNumber, List<ProgramError> errors) {
        ProgramScanner scanner = new ProgramScanner(line, lineNumber, errors);
        scanner.run();
        return scanner.tokens;
    }

    private void run() {
        while (current < line.length()) {
            start = current;
            char c = line.charAt(current++);
            switch (c) {
                case ' ', '\t', '\r', '\f', '\u000B', '\uFEFF' -> {}
                case '#' -> current = line.length();
                case '=' -> add(Token.Type.EQUAL, null);
                case '(' -> add(Token.Type.LEFT_PAREN, null);
                case ')' -> add(Token.Type.RIGHT_PAREN, null);
                case ',' -> add(Token.Type.COMMA, null);
                case '\'', '"' -> string(c);
                default -> {
                    if (isDigit(c) || c == '-' || c == '.') number();
                    else if (isNameStart(c)) name();
                    else unexpected();
                }
            }
        }
        tokens.add(new Token(Token.Type.END, "", null, line.length() + 1));
    }

    private void string(char quote) {
        StringBuilder text = new StringBuilder();
        while (current < line.length() && line.charAt(current) != quote) {
            char c = line.charAt(current++);
            if (c == '\\' && current < line.length()) text.append(PythonEscapes.unescape(line.charAt(current++)));
            else text.append(c);
        }
        if (current >= line.length()) {
            errors.add(new ProgramError(lineNumber, start + 1, "", "Unterminated string."));
            return;
        }
        current++; // closing quote
        add(Token.Type.STRING, text.toString());
    }

    /**
     * The 0-based index in {@code line} of the character that became {@code decodedIndex} of the string
     * literal whose opening quote is at {@code quoteIndex}: inverts {@link #unescape} so that an error
     * inside an EVAL expression can point at the right source column even after escapes.
     */
    static int sourceIndex(String line, int quoteIndex, int decodedIndex) {
        int i = quoteIndex + 1;
        int decoded = 0;
        while (decoded < decodedIndex && i < line.length()) {
            if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                decoded += PythonEscapes.unescape(line.charAt(i + 1)).length();
                i += 2;
            } else {
                decoded++;
                i++;
            }
        }
        return i;
    }

    /** A number: optional '-', digits with an optional fraction, or a bare fraction ({@code .5}, {@code -.5}). */
    private void number() {
        char first = line.charAt(start);
        boolean inFraction = first == '.';
        if (first == '-' && peek() == '.') {
            current++;
            inFraction = true;
        }
        int digits = isDigit(first) ? 1 : 0;
        while (isDigit(peek())) {
            current++;
            digits++;
        }
        if (digits == 0) {
            current = start + 1;
            unexpected();
            return;
        }
        if (!inFraction && peek() == '.' && isDigit(peekNext())) {
            current++;
            while (isDigit(peek())) current++;
        }
        add(Token.Type.NUMBER, Double.parseDouble(line.substring(start, current)));
    }

    private void name() {
        while (isNamePart(peek())) current++;
        add(Token.Type.NAME, null);
    }

    private void unexpected() {
        int codePoint = line.codePointAt(start);
        current = start + Character.charCount(codePoint);
        errors.add(new ProgramError(
                lineNumber, start + 1, new String(Character.toChars(codePoint)), "Unexpected character."));
    }

    private char peek() {
        return current < line.length() ? line.charAt(current) : '\0';
    }

    private char peekNext() {
        return current + 1 < line.length() ? line.charAt(current + 1) : '\0';
    }

    private void add(Token.Type type, Object value) {
        tokens.add(new Token(type, line.substring(start, current), value, start + 1));
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
