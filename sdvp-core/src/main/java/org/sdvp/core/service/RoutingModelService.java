package org.sdvp.core.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sends each request of a batch to the first service that covers it, keeping one sub-batch per service. */
class RoutingModelService<I, O> implements ModelService<I, O> {
    private final List<ModelService<I, O>> chain;

    /** What {@link #prepare} hands on: the chosen service and what it prepared. */
    private record Routed(int service, Object prepared) {}

    RoutingModelService(List<ModelService<I, O>> chain) {
        this.chain = List.copyOf(chain);
    }

    @Override
    public List<O> apply(List<I> batch) throws ModelServiceException {
        return apply(batch, unprepared(batch.size()));
    }

    @Override
    public Object prepare(I request) throws ModelServiceException {
        int s = firstCovering(request);
        return new Routed(s, chain.get(s).prepare(request));
    }

    @Override
    public List<O> apply(List<I> batch, List<Object> prepared) throws ModelServiceException {
        return routed(batch, prepared, (service, part, own) -> service.apply(part, own));
    }

    /** What one service makes of its sub-batch (its requests, in the batch's order, and what it prepared). */
    interface Part<I, O, R> {
        List<R> of(ModelService<I, O> service, List<I> part, List<Object> prepared) throws ModelServiceException;
    }

    /** Each request's result from the first service covering it, each service given its sub-batch once. */
    final <R> List<R> routed(List<I> batch, List<Object> prepared, Part<I, O, R> part) throws ModelServiceException {
        int n = chain.size();
        List<List<Integer>> positions = new ArrayList<>();
        List<List<I>> parts = new ArrayList<>();
        List<List<Object>> preparedParts = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            positions.add(new ArrayList<>());
            parts.add(new ArrayList<>());
            preparedParts.add(new ArrayList<>());
        }
        for (int i = 0; i < batch.size(); i++) {
            Object p = prepared.get(i);
            int s;
            Object own;
            if (p instanceof Routed r) {
                s = r.service();
                own = r.prepared();
            } else {
                s = firstCovering(batch.get(i));
                own = null;
            }
            positions.get(s).add(i);
            parts.get(s).add(batch.get(i));
            preparedParts.get(s).add(own);
        }
        Object[] out = new Object[batch.size()];
        for (int s = 0; s < n; s++) {
            if (parts.get(s).isEmpty()) continue;
            List<R> answers = part.of(chain.get(s), parts.get(s), preparedParts.get(s));
            for (int k = 0; k < answers.size(); k++) out[positions.get(s).get(k)] = answers.get(k);
        }
        @SuppressWarnings("unchecked")
        List<R> result = (List<R>) Arrays.asList(out);
        return result;
    }

    /** Nulls, one per request: nothing prepared. */
    static List<Object> unprepared(int size) {
        List<Object> none = new ArrayList<>(size);
        for (int i = 0; i < size; i++) none.add(null);
        return none;
    }

    private int firstCovering(I request) throws ModelServiceException {
        for (int s = 0; s < chain.size(); s++) {
            if (chain.get(s).covers(request)) return s;
        }
        throw new ModelServiceException("no backend covers the call " + request
                + "; add a general backend at the end of --modules (e.g. vlm:DIR or oracle)");
    }

    @Override
    public boolean covers(I request) {
        return chain.stream().anyMatch(s -> s.covers(request));
    }
}
