package org.sdvp.llm.prompt;

import java.util.Objects;

/**
 * One in-context example of a prompt.
 *
 * @param question the question or statement
 * @param program  its program, one step per line, no trailing newline
 * @param line     the 1-based line of the prompt file where the example starts (for error messages)
 */
public record PromptExample(String question, String program, int line) {
    public PromptExample {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(program, "program");
    }
}
