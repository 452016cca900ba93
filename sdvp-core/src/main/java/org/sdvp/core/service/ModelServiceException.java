package org.sdvp.core.service;

/** A model backend failed to answer a batch (a program step then fails with this message). */
public class ModelServiceException extends Exception {
    public ModelServiceException(String message) {
        super(message);
    }

    public ModelServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
