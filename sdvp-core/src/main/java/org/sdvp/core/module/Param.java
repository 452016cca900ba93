package org.sdvp.core.module;

import java.util.Objects;
import org.sdvp.core.value.ValueType;

/**
 * A module parameter.
 *
 * @param name     keyword as written in programs
 * @param type     the value type it takes
 * @param required whether the program must pass it; optional parameters also accept {@code None}
 */
public record Param(String name, ValueType type, boolean required) {
    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Param required(String name, ValueType type) {
        return new Param(name, type, true);
    }

    public static Param optional(String name, ValueType type) {
        return new Param(name, type, false);
    }
}
