package org.sdvp.core.program;

/** What an argument's right-hand side is: a variable reference or a literal (no nesting in VisProg). */
public sealed interface ArgValue permits ArgValue.VarRef, ArgValue.Str, ArgValue.Num, ArgValue.None {

    /** A variable name such as {@code IMAGE}, {@code BOX0}. */
    record VarRef(String name) implements ArgValue {}

    /** A quoted string (single or double quotes in the source). */
    record Str(String text) implements ArgValue {}

    /** A number literal. */
    record Num(double value) implements ArgValue {}

    /** The literal {@code None}. */
    record None() implements ArgValue {}
}
