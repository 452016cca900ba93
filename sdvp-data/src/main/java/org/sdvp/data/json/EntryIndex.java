package org.sdvp.data.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/**
 * A byte-offset index of a file that is one JSON object keyed by id (as GQA's scene-graph files are): where
 * each top-level entry's value starts and ends, so that one entry is read and bound on demand instead of
 * holding the whole file's values (GQA's train scene graphs are 1.1 GB of JSON). The index itself holds a
 * key and two numbers per entry.
 *
 * <p>{@link #build} reads the file once, binding each value and handing it to a visitor before dropping it (a
 * value of the wrong type is remembered with its line and reason, and looking it up fails with them). Lookups are
 * thread-safe: each reads its bytes with a positional read.
 *
 * @param <T> the type each value is bound to
 */
public final class EntryIndex<T> {
    /** Where one value lies in the file. */
    private record Span(long offset, int length) {}

    private final Path file;
    private final Class<T> type;
    private final Map<String, Span> spans;
    /** Keys whose value did not bind → why (kind; file, line and reason). */
    private final Map<String, DataException> invalid;
    /** Where the file ends before its object does (a truncated file), if it does. */
    private final Optional<Cut> cut;

    private EntryIndex(
            Path file, Class<T> type, Map<String, Span> spans, Map<String, DataException> invalid, Optional<Cut> cut) {
        this.invalid = Map.copyOf(invalid);
        this.file = file;
        this.type = type;
        this.spans = spans;
        this.cut = cut;
    }

    /**
     * Indexes {@code file}, binding every value to {@code type} and passing it with its key to {@code visitor}
     * (which keeps what it needs of it, e.g. a vocabulary); a key given twice keeps its last value, as a map
     * read from the file would. An entry that is well-formed JSON but does not bind (a field of the wrong type)
     * is indexed without reaching the visitor: {@link #get} of it fails with its byte offset and reason. A file
     * cut off (it ends inside its object) is indexed up to its last complete entry, and {@link #cut} says where it
     * ends; any other syntax error cannot be skipped inside one JSON object and fails the build.
     */
    public static <T> EntryIndex<T> build(Path file, Class<T> type, BiConsumer<String, T> visitor)
            throws DataException {
        Map<String, Span> spans = new HashMap<>();
        Map<String, DataException> invalid = new HashMap<>();
        Cut.Scan scan = ObjectEntries.walk(
                file,
                (key, keyAt, p) -> {
                    long start = p.currentTokenLocation().getByteOffset();
                    JsonNode tree = p.readValueAsTree(); // a syntax error stops the read
                    long end = p.currentLocation().getByteOffset(); // just past the value's last byte
                    if (start < 0 || end <= start || end - start > Integer.MAX_VALUE) {
                        throw JsonErrors.at(
                                file, p.currentTokenLocation(), "cannot index an entry of " + (end - start) + " bytes");
                    }
                    spans.put(key, new Span(start, (int) (end - start)));
                    T value;
                    try {
                        value = Json.mapper().treeToValue(tree, type);
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        // a well-formed entry of the wrong shape: looking it up fails with its position and reason
                        // (that question's error) while every other entry is served
                        String where = "line " + p.currentLocation().getLineNr() + " (entry '" + key + "')";
                        invalid.put(key, Entries.problem(file, where, e));
                        return;
                    }
                    invalid.remove(key);
                    visitor.accept(key, value);
                },
                true);
        return new EntryIndex<>(file, type, spans, invalid, scan.cut());
    }

    /** Where a truncated file ends (its entries after the cut are lost); empty for a whole file. */
    public Optional<Cut> cut() {
        return cut;
    }

    public Path file() {
        return file;
    }

    public int size() {
        return spans.size();
    }

    public boolean contains(String key) {
        return spans.containsKey(key);
    }

    /** Reads and binds the value of {@code key}, or empty when the file has no such entry. */
    public Optional<T> get(String key) throws DataException {
        Span s = spans.get(key);
        if (s == null) return Optional.empty();
        DataException bad = invalid.get(key);
        if (bad != null) throw new DataException(bad.kind(), bad.getMessage(), bad);
        ByteBuffer bytes = ByteBuffer.allocate(s.length());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                if (ch.read(bytes, s.offset() + bytes.position()) < 0) {
                    throw new DataException("cannot read " + file + " at byte " + s.offset() + ": the file is shorter "
                            + "than when it was indexed (changed since?)");
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file + " at byte " + s.offset() + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(Json.mapper().readValue(bytes.array(), type));
        } catch (JsonProcessingException e) {
            throw JsonErrors.entry(
                    file, "byte " + s.offset() + " (entry '" + key + "'; the file changed since it was indexed?)", e);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + " at byte " + s.offset() + ": " + e.getMessage(), e);
        }
    }
}
