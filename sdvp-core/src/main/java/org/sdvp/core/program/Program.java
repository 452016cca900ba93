package org.sdvp.core.program;

import java.util.List;
import java.util.Objects;

/** A parsed (and, once it has passed the validator, valid) VisProg program. */
public record Program(List<Step> steps, String source) {
    public Program {
        steps = List.copyOf(steps);
        Objects.requireNonNull(source, "source");
    }
}
