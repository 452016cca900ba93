package org.sdvp.core.service;

import java.util.List;

/**
 * A model backend for one sub-task, called with a batch of requests (possibly from many programs).
 * Swapping oracle, student VLM, teacher or ONNX models is a matter of which implementation is bound.
 *
 * <p>Implementations must be safe to call from one thread at a time; {@link BatchingDispatcher}
 * guarantees that.
 *
 * @param <I> request type
 * @param <O> response type
 */
public interface ModelService<I, O> {

    /** Answers each request; the result has the batch's size and order. */
    List<O> apply(List<I> batch) throws ModelServiceException;

    /**
     * Whether this service answers {@code request}. A task-specific teacher covers only some calls;
     * {@link ModelServices#firstCovering} routes the others to the next backend.
     */
    default boolean covers(I request) { return true; }
}
