package org.sdvp.core.program;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by the parser or validator with every problem found; nothing of the program has run. */
public final class InvalidProgramException extends Exception {
    private final List<ProgramError> errors;

    public InvalidProgramException(List<ProgramError> errors) {
        super(errors.stream().map(ProgramError::format).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) throw new IllegalArgumentException("an invalid program has at least one error");
        this.errors = List.copyOf(errors);
    }

    public List<ProgramError> errors() {
        return errors;
    }
}
