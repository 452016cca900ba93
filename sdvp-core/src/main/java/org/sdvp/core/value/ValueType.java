package org.sdvp.core.value;

/** The static types of program values; the validator checks step arguments against them. */
public enum ValueType {
    IMAGE, BOXES, TEXT, NUMBER, BOOL, LIST, NONE,
    /** Statically unknown (EVAL results, RESULT): accepted anywhere, checked at run time. */
    ANY;

    /** Whether a value of type {@code actual} may be passed where this type is expected. */
    public boolean accepts(ValueType actual) {
        return this == ANY || actual == ANY || this == actual;
    }

    /** The lower-case name used in error messages ("an image", "boxes"). */
    public String describe() {
        return switch (this) {
            case IMAGE -> "an image";
            case BOXES -> "boxes";
            case TEXT -> "text";
            case NUMBER -> "a number";
            case BOOL -> "a boolean";
            case LIST -> "a list";
            case NONE -> "None";
            case ANY -> "any value";
        };
    }
}
