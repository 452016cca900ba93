package org.sdvp.spark;

import com.fasterxml.jackson.databind.JsonNode;
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
 * the outcomes the evaluator reports as they finish (in any order) come back in question order, and with them
 * the question lines ({@link org.sdvp.core.evaluation.QuestionTraces}) of the chunk's first {@code keepLines}
 * questions. Closing it leaves the partition's source open for the next chunk.
 */
final class OrderedChunk implements ExampleSource, Evaluator.Listener, Evaluator.Recorder {
    private final ExampleSource source;
    private final int size;
    private final Evaluator.Recorder lineOf;
    private final int keepLines;
    private final Map<Example, Integer> positions = new IdentityHashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<JsonNode> lines = new ArrayList<>();

    OrderedChunk(ExampleSource source, int size) {
        this(source, size, (ex, r, e) -> null, 0);
    }

    /**
     * @param lineOf    makes a question's line (a {@code QuestionTraces} recorder)
     * @param keepLines how many of the chunk's first questions keep their line
     */
    OrderedChunk(ExampleSource source, int size, Evaluator.Recorder lineOf, int keepLines) {
        this.source = source;
        this.size = size;
        this.lineOf = lineOf;
        this.keepLines = keepLines;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(size);
    }

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
        if (lines.size() < keepLines) lines.add(null);
        return ex;
    }

    @Override
    public JsonNode record(Example example, QuestionResult result, Optional<Execution> execution) {
        int at;
        synchronized (this) {
            at = positions.get(example);
        }
        if (at >= keepLines) return null;
        JsonNode line = lineOf.record(example, result, execution); // outside the lock: it serialises the trace
        synchronized (this) {
            lines.set(at, line);
        }
        return null; // no journal: a partition is redone whole
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

    /** The kept question lines in question order (after the evaluator returned). */
    synchronized List<JsonNode> lines() {
        if (lines.contains(null)) throw new IllegalStateException("a question of the chunk recorded no line");
        return List.copyOf(lines);
    }

    @Override
    public void close() {}
}
