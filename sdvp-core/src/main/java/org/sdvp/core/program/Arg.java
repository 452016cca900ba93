package org.sdvp.core.program;

import java.util.Objects;

/** One keyword argument {@code name=value}; {@code column} is where its name starts (1-based). */
public record Arg(String name, ArgValue value, int column) {
    public Arg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
