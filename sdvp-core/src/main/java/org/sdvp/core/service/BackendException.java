package org.sdvp.core.service;

/** A {@code --modules} spec cannot be turned into backends: unknown name, missing or mismatched checkpoint. */
public class BackendException extends Exception {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
