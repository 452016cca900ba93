package org.sdvp.core.expr;

/** A well-formed EVAL expression cannot be evaluated with the given values (type mismatch, division by zero). */
public final class EvaluationException extends Exception {
    public EvaluationException(String message) {
        super(message);
    }
}
