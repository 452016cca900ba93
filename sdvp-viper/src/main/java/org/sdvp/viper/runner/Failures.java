package org.sdvp.viper.runner;

import org.graalvm.polyglot.PolyglotException;
import org.sdvp.core.interp.StepFailure;
import org.sdvp.viper.api.Prelude;

/** Clear messages for the ways a sandboxed program can stop. */
final class Failures {
    private static final java.util.regex.Pattern DENIED =
            java.util.regex.Pattern.compile("(?i)security ?exception|is not allowed");

    private Failures() {}

    static StepFailure of(PolyglotException e, int stepIndex) {
        int line = programLine(e);
        // GraalPy's CPU-time limit cancels the context, so it shows as a cancellation with a "Maximum ..." message.
        if (e.isResourceExhausted()
                || (e.isCancelled() && String.valueOf(e.getMessage()).startsWith("Maximum"))) {
            return new StepFailure(stepIndex, line, "sandbox", "resource limit exceeded: " + e.getMessage());
        }
        if (e.isCancelled()) {
            return new StepFailure(stepIndex, line, "sandbox", "the program was cancelled: " + e.getMessage());
        }
        if (e.isExit()) {
            return new StepFailure(stepIndex, line, "python", "the program tried to exit the interpreter (sys.exit)");
        }
        String message = String.valueOf(e.getMessage());
        if (e.isInternalError() && DENIED.matcher(message).find()) {
            // GraalPy reports some host-level refusals (process or thread creation) as internal errors.
            return new StepFailure(
                    stepIndex,
                    line,
                    "sandbox",
                    "denied by the sandbox: " + message.replaceFirst("^java\\.lang\\.\\w+: ", ""));
        }
        if (e.isHostException()) {
            return new StepFailure(stepIndex, line, "python", "internal error in the API: " + e.asHostException());
        }
        if (e.isInternalError()) {
            return new StepFailure(stepIndex, line, "python", "internal error in GraalPy: " + message);
        }
        return new StepFailure(stepIndex, line, "python", String.valueOf(e.getMessage()));
    }

    /** The innermost line of the program itself in the guest stack (not the prelude's), or 0. */
    private static int programLine(PolyglotException e) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            var at = f.getSourceLocation();
            if (f.isGuestFrame()
                    && at != null
                    && Prelude.PROGRAM_FILE.equals(at.getSource().getName())
                    && at.hasLines()) {
                return at.getStartLine();
            }
        }
        return 0;
    }
}
