package org.sdvp.core.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A service that answers each request of a batch on its own: the annotation oracles, which gain nothing from
 * batching. One loop for every such backend and kind, so a backend writes only how it answers one request.
 *
 * @param answer   the answer to one request
 * @param coverage the requests this service answers ({@link ModelService#covers}); the others go to the next
 *                 backend of a chain
 */
public record PerRequestService<I, O>(Answer<I, O> answer, Predicate<I> coverage) implements ModelService<I, O> {
    public PerRequestService {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(coverage, "coverage");
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Answer<I, O> {
        O apply(I request) throws ModelServiceException;
    }

    /** A service that covers every request. */
    public static <I, O> PerRequestService<I, O> of(Answer<I, O> answer) {
        return new PerRequestService<>(answer, request -> true);
    }

    @Override
    public List<O> apply(List<I> batch) throws ModelServiceException {
        List<O> out = new ArrayList<>(batch.size());
        for (I request : batch) out.add(answer.apply(request));
        return out;
    }

    @Override
    public boolean covers(I request) {
        return coverage.test(request);
    }
}
