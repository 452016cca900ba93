package org.sdvp.core.program;

/**
 * One problem found in a program before it runs.
 *
 * @param line    1-based line
 * @param column  1-based column (0 when the problem concerns the whole line)
 * @param near    the text the problem is at (a module name, an argument, a token), may be empty
 * @param message what is wrong and, where it helps, what is expected
 */
public record ProgramError(int line, int column, String near, String message) {
    /** {@code [line 3:12] Error at 'LOC': Unknown argument 'obj'; expected one of: image, object.} */
    public String format() {
        String where = column > 0 ? line + ":" + column : Integer.toString(line);
        String at = near == null || near.isEmpty() ? "" : " at '" + near + "'";
        return "[line " + where + "] Error" + at + ": " + message;
    }
}
