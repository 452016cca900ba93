package org.sdvp.core.value;

/** A boolean; displayed as VisProg answers booleans: "yes" / "no". */
public record BoolValue(boolean value) implements Value {
    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    public static BoolValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    @Override
    public ValueType type() {
        return ValueType.BOOL;
    }

    @Override
    public String display() {
        return value ? "yes" : "no";
    }
}
