package org.sdvp.core.source;

/** No program could be obtained for a question. */
public class ProgramSourceException extends Exception {
    public ProgramSourceException(String message) {
        super(message);
    }

    public ProgramSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
