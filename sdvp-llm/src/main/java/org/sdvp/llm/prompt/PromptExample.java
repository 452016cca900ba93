package org.sdvp.llm.prompt;

import java.util.Objects;

/**
 * One in-context example of a prompt.
 *
 * @param question the question or statement
 * @param program  its program, one step per line, no trailing newline
 * @param line     the 1-based line of the prompt file where the example starts (for error messages)
 * @param from     where the example was taken from ({@code From:} line), e.g.
 *                 {@code gqa-sim train seed=1 index=17}; empty when the file does not say
 */
public record PromptExample(String question, String program, int line, String from) {
    public PromptExample {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(from, "from");
    }

    public PromptExample(String question, String program, int line) {
        this(question, program, line, "");
    }
}
