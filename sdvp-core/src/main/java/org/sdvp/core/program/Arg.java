package org.sdvp.core.program;

import java.util.Objects;

/**
 * One keyword argument {@code name=value}.
 *
 * @param name        the keyword
 * @param value       the right-hand side
 * @param column      1-based column where the name starts
 * @param valueColumn 1-based column where the value starts (its opening quote for a string), 0 if unknown;
 *                    lets the validator point inside an EVAL expression
 */
public record Arg(String name, ArgValue value, int column, int valueColumn) {
    public Arg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** An argument whose value position is unknown (built by code rather than parsed). */
    public Arg(String name, ArgValue value, int column) {
        this(name, value, column, 0);
    }
}
