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
