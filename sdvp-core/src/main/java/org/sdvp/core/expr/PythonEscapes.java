package org.sdvp.core.expr;

/** Backslash escapes in quoted strings, as Python reads them; shared by the program scanner and EVAL's lexer. */
public final class PythonEscapes {
    private PythonEscapes() {}

    /** Python's common escapes; an unknown escape keeps its backslash, as Python does. */
    public static String unescape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '\\', '\'', '"' -> String.valueOf(c);
            default -> "\\" + c;
        };
    }
}
