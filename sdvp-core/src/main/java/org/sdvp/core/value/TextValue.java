package org.sdvp.core.value;

import java.util.Objects;

public record TextValue(String text) implements Value {
    public TextValue {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public ValueType type() {
        return ValueType.TEXT;
    }

    @Override
    public String display() {
        return text;
    }
}
