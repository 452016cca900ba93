package org.sdvp.core.evaluation;

import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/** The first N examples of a source ({@code --limit}). */
public final class Limited implements ExampleSource {
    private final ExampleSource inner;
    private final int limit;
    private int taken;

    private Limited(ExampleSource inner, int limit) {
        this.inner = inner;
        this.limit = limit;
    }

    public static ExampleSource of(ExampleSource inner, Integer limit) {
        return limit == null ? inner : new Limited(inner, limit);
    }

    @Override
    public OptionalLong size() {
        OptionalLong n = inner.size();
        return OptionalLong.of(n.isPresent() ? Math.min(n.getAsLong(), limit) : limit);
    }

    @Override
    public boolean hasNext() {
        return taken < limit && inner.hasNext();
    }

    @Override
    public Example next() {
        if (!hasNext()) throw new NoSuchElementException();
        taken++;
        return inner.next();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
