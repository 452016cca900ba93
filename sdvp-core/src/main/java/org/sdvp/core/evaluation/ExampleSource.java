package org.sdvp.core.evaluation;

import java.util.Iterator;
import java.util.OptionalLong;

/**
 * A stream of examples read lazily from a dataset (a large questions file must not be held in memory
 * several times over). Close it to release the file.
 *
 * <p>{@link #next()} cannot throw checked exceptions: a source that finds bad data mid-stream throws an
 * unchecked exception whose cause is a {@link org.sdvp.core.io.DataException} naming the file and position;
 * the {@code Evaluator} then stops the run and reports it.
 */
public interface ExampleSource extends Iterator<Example>, AutoCloseable {

    /** The number of examples, when known up front (for progress bars). */
    OptionalLong size();

    @Override
    void close() throws java.io.IOException;

    /**
     * Moves past the next {@code n} examples, as {@code n} calls of {@link #next()} would; returns how many it
     * moved past (fewer at the end of the source). A source over a large file overrides it to step over the
     * entries without binding (or converting) each one.
     */
    default long skip(long n) {
        long done = 0;
        for (; done < n && hasNext(); done++) next();
        return done;
    }

    /**
     * Where the source stands (before the example {@link #next()} would return), as a token that
     * {@link Task#open(java.nio.file.Path, String, String)} turns back into a source at that point without
     * reading what comes before it; empty when the source cannot say (the default).
     */
    default java.util.Optional<String> position() {
        return java.util.Optional.empty();
    }

    /** An in-memory source, for tests and small generated splits. */
    static ExampleSource of(java.util.List<Example> examples) {
        Iterator<Example> it = examples.iterator();
        return new ExampleSource() {
            @Override
            public OptionalLong size() {
                return OptionalLong.of(examples.size());
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Example next() {
                return it.next();
            }

            @Override
            public void close() {}
        };
    }
}
