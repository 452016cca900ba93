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
    default boolean covers(I request) {
        return true;
    }

    /**
     * Work on one request that does not need the model and may run on the calling program's thread before
     * the request joins a batch (image resizing, input tensors as plain arrays). {@link BatchingDispatcher}
     * calls it outside the model thread, so with many programs this work runs beside the network instead of
     * in front of it. The result is handed back to {@link #apply(List, List)}; null means nothing prepared.
     * Must be thread-safe.
     */
    default Object prepare(I request) throws ModelServiceException {
        return null;
    }

    /**
     * Answers a batch whose requests went through {@link #prepare} ({@code prepared} has the batch's size and
     * order; an entry is null when nothing was prepared). The default ignores the prepared inputs.
     */
    default List<O> apply(List<I> batch, List<Object> prepared) throws ModelServiceException {
        return apply(batch);
    }
}
