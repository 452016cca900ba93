package org.sdvp.data.clevr.program;

/**
 * A program node outside the typed IR (real CLEVR's {@code same_*}, {@code union}, {@code intersect},
 * {@code equal_object}) or malformed (a bad input, a missing value). The message is the short reason
 * reports show ({@code union}, {@code relate sideways}, {@code count with a bad input}).
 */
public final class UnsupportedFunctionException extends Exception {
    public UnsupportedFunctionException(String reason) {
        super(reason, null, false, false);
    }
}
