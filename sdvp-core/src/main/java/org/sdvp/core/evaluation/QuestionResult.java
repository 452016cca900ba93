package org.sdvp.core.evaluation;

/**
 * One question's outcome.
 *
 * @param prediction the program's answer as displayed, or null when it failed
 * @param gold       the expected answer as displayed, or null when the split has none
 * @param error      why the question has no answer (invalid program, failing step, unreadable image), or null
 * @param reason     the error's kind, for counting: a {@link org.sdvp.core.io.DataException.Kind#code() data
 *                   kind} ({@code image-too-large}, {@code malformed-json}, ...), {@code invalid-program},
 *                   {@code no-program}, {@code step-failed}, {@code internal-error}; null when no error
 */
public record QuestionResult(
        String id,
        String type,
        String question,
        String prediction,
        String gold,
        double score,
        String error,
        String reason) {
    public static final String INVALID_PROGRAM = "invalid-program",
            NO_PROGRAM = "no-program",
            STEP_FAILED = "step-failed",
            INTERNAL_ERROR = "internal-error",
            INTERRUPTED = "interrupted";

    public QuestionResult {
        if (error != null && reason == null) reason = "other";
        if (error == null) reason = null;
    }

    /** A result whose error, if any, has no finer reason than {@code other}. */
    public QuestionResult(
            String id, String type, String question, String prediction, String gold, double score, String error) {
        this(id, type, question, prediction, gold, score, error, null);
    }

    public boolean failed() {
        return error != null;
    }
}
