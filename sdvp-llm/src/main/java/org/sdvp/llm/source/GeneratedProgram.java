package org.sdvp.llm.source;

import java.util.Objects;

/**
 * A program and how it came about.
 *
 * @param program  the program text (valid, or the fallback)
 * @param fallback whether it is the fallback program because no valid one was generated
 */
public record GeneratedProgram(String program, boolean fallback) {
    public GeneratedProgram {
        Objects.requireNonNull(program, "program");
    }
}
