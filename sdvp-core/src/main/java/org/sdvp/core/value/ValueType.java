package org.sdvp.core.value;

/** The static types of program values; the validator checks step arguments against them. */
public enum ValueType {
    IMAGE,
    BOXES,
    /** Instance masks (SEG); accepted where boxes are expected (their bounding boxes). */
    SEGMENTS,
    TEXT,
    NUMBER,
    BOOL,
    LIST,
    NONE,
    /** A parameter type only: text (comma-separated) or a list (CLASSIFY's categories from LIST). */
    TEXT_OR_LIST,
    /** Statically unknown (EVAL results, RESULT): accepted anywhere, checked at run time. */
    ANY;

    /** Whether a value of type {@code actual} may be passed where this type is expected. */
    public boolean accepts(ValueType actual) {
        if (this == ANY || actual == ANY || this == actual) return true;
        if (this == BOXES) return actual == SEGMENTS;
        return this == TEXT_OR_LIST && (actual == TEXT || actual == LIST);
    }

    /** The lower-case name used in error messages ("an image", "boxes"). */
    public String describe() {
        return switch (this) {
            case IMAGE -> "an image";
            case BOXES -> "boxes";
            case SEGMENTS -> "instance masks";
            case TEXT_OR_LIST -> "text or a list";
            case TEXT -> "text";
            case NUMBER -> "a number";
            case BOOL -> "a boolean";
            case LIST -> "a list";
            case NONE -> "None";
            case ANY -> "any value";
        };
    }
}
