package org.sdvp.core.interp;

/**
 * A step that could not produce a value; the program stops there, the run goes on.
 *
 * @param stepIndex 0-based step position
 * @param line      1-based source line
 * @param module    module (or API method) name
 * @param message   what went wrong
 */
public record StepFailure(int stepIndex, int line, String module, String message) {
    /** {@code step 3 (line 4, CROP): crop of an empty region ...} */
    public String format() {
        return "step " + (stepIndex + 1) + " (line " + line + ", " + module + "): " + message;
    }
}
