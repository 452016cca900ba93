package org.sdvp.core.evaluation;

/**
 * One question's outcome.
 *
 * @param prediction the program's answer as displayed, or null when it failed
 * @param gold       the expected answer as displayed, or null when the split has none
 * @param error      why the question has no answer (invalid program, failing step, unreadable image), or null
 */
public record QuestionResult(String id, String type, String question, String prediction, String gold,
                             double score, String error) {
    public boolean failed() { return error != null; }
}
