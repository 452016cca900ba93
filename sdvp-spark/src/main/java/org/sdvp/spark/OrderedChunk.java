package org.sdvp.spark;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Outcome;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.interp.Execution;

/**
 * The next {@code size} examples of a partition's source, remembering the order they were handed out so that
 * the outcomes the evaluator reports as they finish (in any order) come back in question order. Closing it
 * leaves the partition's source open for the next chunk.
 */
final class OrderedChunk implements ExampleSource, Evaluator.Listener {
    private final ExampleSource source;
    private final int size;
    private final Map<Example, Integer> positions = new IdentityHashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    OrderedChunk(ExampleSource source, int size) {
        this.source = source;
        this.size = size;
    }

    @Override public OptionalLong size() { return OptionalLong.of(size); }

    @Override
    public synchronized boolean hasNext() {
        return positions.size() < size && source.hasNext();
    }

    @Override
    public synchronized Example next() {
        if (!hasNext()) throw new NoSuchElementException();
        Example ex = source.next();
        positions.put(ex, positions.size());
        outcomes.add(null);
        return ex;
    }

    @Override
    public void questionDone(Example example, QuestionResult result, Optional<Execution> execution) {
        synchronized (this) {
            outcomes.set(positions.get(example), new Outcome(result, example.meta()));
        }
    }

    /** Every outcome in question order (after the evaluator returned). */
    synchronized List<Outcome> outcomes() {
        if (outcomes.contains(null)) throw new IllegalStateException("a question of the chunk reported no outcome");
        return List.copyOf(outcomes);
    }

    @Override public void close() {}
}
