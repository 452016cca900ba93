package org.sdvp.core.value;

/** A number; integral values print without a decimal point, as VisProg's answers do ("3", not "3.0"). */
public record NumberValue(double value) implements Value {
    @Override
    public ValueType type() {
        return ValueType.NUMBER;
    }

    public boolean isIntegral() {
        return value == Math.rint(value) && !Double.isInfinite(value);
    }

    @Override
    public String display() {
        return isIntegral() && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
