package org.sdvp.serve.runs;

/**
 * One question's answer under one row: a line of {@code TASK.questions.jsonl.gz} without its trace, or a
 * miss of {@code results.json} when the evaluation recorded no question file.
 *
 * @param prediction null when the question failed
 * @param error      why it failed, or null
 */
public record QuestionRecord(
        String id, String type, String question, String prediction, String gold, double score, String error) {
    public QuestionRecord {
        id = id == null ? "" : id;
        type = type == null ? "" : type;
        question = question == null ? "" : question;
    }

    /** Right = full marks (exact match 1, or the task's metric at its maximum). */
    public boolean right() {
        return error == null && score >= 1.0 - 1e-9;
    }

    /** The answer as shown: the prediction, or the failure. */
    public String shown() {
        return error != null ? "error: " + error : String.valueOf(prediction);
    }
}
