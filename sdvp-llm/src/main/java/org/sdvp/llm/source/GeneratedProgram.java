package org.sdvp.llm.source;

import java.util.Objects;

/**
 * A program and how it came about.
 *
 * @param program  the program text (valid, or the fallback; for a sample, possibly invalid)
 * @param fallback whether it is the fallback program because no valid one was generated
 * @param valid    whether it passed the check (false only for a sample, which is not re-asked)
 */
public record GeneratedProgram(String program, boolean fallback, boolean valid) {
    public GeneratedProgram {
        Objects.requireNonNull(program, "program");
    }

    public GeneratedProgram(String program, boolean fallback) {
        this(program, fallback, true);
    }
}
