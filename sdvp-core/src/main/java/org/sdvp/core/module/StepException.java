package org.sdvp.core.module;

/** A module could not produce a value from its (well-typed) inputs, e.g. a crop of an empty region. */
public class StepException extends Exception {
    public StepException(String message) {
        super(message);
    }

    public StepException(String message, Throwable cause) {
        super(message, cause);
    }
}
