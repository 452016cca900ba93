package org.sdvp.core.value;

/**
 * A value held by a program variable. The set is closed: every module, the EVAL evaluator, the trace
 * serialiser and the HTML renderer handle exactly these kinds.
 */
public sealed interface Value
        permits ImageValue, BoxesValue, SegmentsValue, TextValue, NumberValue, BoolValue, ListValue, NoneValue {

    ValueType type();

    /** A short human-readable rendering, as printed by {@code sdvp run}. */
    String display();
}
