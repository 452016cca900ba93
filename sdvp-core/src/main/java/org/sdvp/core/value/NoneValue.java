package org.sdvp.core.value;

/** Python's {@code None}, as written in VisProg programs ({@code category=None}). */
public enum NoneValue implements Value {
    INSTANCE;

    @Override
    public ValueType type() {
        return ValueType.NONE;
    }

    @Override
    public String display() {
        return "None";
    }
}
