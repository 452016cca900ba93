package org.sdvp.core.interp;

import org.sdvp.core.service.ModelServiceException;

/**
 * A step that could not produce a value; the program stops there, the run goes on.
 *
 * @param stepIndex 0-based step position
 * @param line      1-based source line
 * @param module    module (or API method) name
 * @param message   what went wrong
 * @param reason    what the question's failure is counted as when finer than {@code step-failed} (a model
 *                  backend that failed for bad data: {@code wrong-field-type}, ...), or null
 */
public record StepFailure(int stepIndex, int line, String module, String message, String reason) {
    /** A failure counted as {@code step-failed}. */
    public StepFailure(int stepIndex, int line, String module, String message) {
        this(stepIndex, line, module, message, null);
    }

    /** {@code step 3 (line 4, CROP): crop of an empty region ...} */
    public String format() {
        return "step " + (stepIndex + 1) + " (line " + line + ", " + module + "): " + message;
    }

    /** The reason a step's error carries: that of the first {@link ModelServiceException} among its causes. */
    public static String reasonOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ModelServiceException m) return m.reason().orElse(null);
        }
        return null;
    }
}
