package org.sdvp.world.question;

import java.util.Objects;

/**
 * A generated question before its answer is computed.
 *
 * @param type    question type, for balancing and the per-type breakdown
 * @param text    the question (or, for nlvr-sim, the statement)
 * @param program its functional program
 */
public record Question(String type, String text, FProgram program) {
    public Question {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(program, "program");
    }
}
