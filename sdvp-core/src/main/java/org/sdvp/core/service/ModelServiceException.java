package org.sdvp.core.service;

import java.util.Optional;

/** A model backend failed to answer a batch (a program step then fails with this message). */
public class ModelServiceException extends Exception {
    private final String reason;

    public ModelServiceException(String message) {
        this(message, null, null);
    }

    public ModelServiceException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param reason what the question's failure is counted as instead of {@code step-failed}, when the backend
     *     failed for bad input data: a data kind's code ({@code wrong-field-type}, ...); null for none
     */
    public ModelServiceException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The reason the failed question is counted under, when finer than {@code step-failed}. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
