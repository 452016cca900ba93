package org.sdvp.data.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/**
 * The entries of a file that is one JSON object ({@code {"id": {...}, "id2": {...}}}, as GQA's questions
 * and scene-graph files are), bound one value at a time. Optionally the object sits under a field of the
 * top-level object ({@code {"info": ..., "questions": [...]}} is handled by {@link ArrayElements}).
 *
 * <p>{@link #count(Path)} scans a file once without binding anything: it validates the syntax up front, so
 * that a truncated or malformed file fails when opened rather than halfway through a run, and gives the
 * size for progress bars.
 *
 * @param <T> the type each value is bound to
 */
public final class ObjectEntries<T> implements Iterator<Map.Entry<String, T>>, AutoCloseable {
    private final Path file;
    private final Class<T> type;
    private final JsonParser parser;
    private Map.Entry<String, T> next;
    private boolean done;
    private int nextLine, line;
    /** Lines before the parser's first (a reader opened at a position): added to the lines it reports. */
    private final int lineOffset;
    /** Whether the iteration ends quietly at a cut (a truncated file) instead of failing. */
    private final boolean upToCut;

    private ObjectEntries(Path file, Class<T> type, JsonParser parser, int lineOffset, boolean upToCut) {
        this.file = file;
        this.type = type;
        this.parser = parser;
        this.lineOffset = lineOffset;
        this.upToCut = upToCut;
    }

    /** Opens {@code file} positioned at the first entry; a syntax error while iterating fails. */
    public static <T> ObjectEntries<T> open(Path file, Class<T> type) throws DataException {
        return open(file, type, false);
    }

    /**
     * Opens {@code file} positioned at the first entry; the iteration ends after the last complete entry of a
     * truncated file, whose cut {@link #scan} reports.
     */
    public static <T> ObjectEntries<T> openUpToCut(Path file, Class<T> type) throws DataException {
        return open(file, type, true);
    }

    private static <T> ObjectEntries<T> open(Path file, Class<T> type, boolean upToCut) throws DataException {
        JsonParser p = null;
        try {
            p = Json.mapper().createParser(file.toFile());
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw JsonErrors.at(file, p.currentTokenLocation(), "expected a JSON object keyed by id");
            }
            return new ObjectEntries<>(file, type, p, 0, upToCut);
        } catch (IOException e) {
            closeQuietly(p);
            throw JsonErrors.of(file, e);
        } catch (DataException e) {
            closeQuietly(p);
            throw e;
        }
    }

    /** The number of top-level entries; reads the whole file once, token by token, checking its syntax. */
    public static long count(Path file) throws DataException {
        return index(file).count();
    }

    /**
     * The number of top-level entries, binding each one to {@code type} (and dropping it) so that a value of
     * the wrong type fails here, at open, rather than halfway through a run; {@code null} checks syntax only.
     */
    public static long count(Path file, Class<?> type) throws DataException {
        return scan(file, type, false).entries();
    }

    /**
     * Reads the whole file once, token by token: its complete entries and, when the file ends inside the object
     * (a truncated file), the {@link Cut}. Any other syntax error fails, naming file, line and column: the
     * entries after it exist but cannot be found.
     */
    public static Cut.Scan scan(Path file) throws DataException {
        return scan(file, null, true);
    }

    private static Cut.Scan scan(Path file, Class<?> type, boolean upToCut) throws DataException {
        return walk(
                file,
                (key, keyAt, p) -> {
                    if (type == null) p.skipChildren();
                    else p.readValueAs(type);
                },
                upToCut);
    }

    /**
     * Counts the entries and checks the syntax as {@link #count(Path)} does, in the same single pass recording
     * where every {@value EntryOffsets#EVERY}th entry starts, so that {@link #openAt} can start anywhere.
     */
    public static EntryOffsets index(Path file) throws DataException {
        long size, modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Long> offsets = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        long[] n = {0};
        walk(
                file,
                (key, keyAt, p) -> {
                    if (n[0]++ % EntryOffsets.EVERY == 0) {
                        offsets.add(keyAt.getByteOffset());
                        lines.add(keyAt.getLineNr());
                    }
                    p.skipChildren();
                },
                false);
        return new EntryOffsets(
                n[0],
                size,
                modified,
                offsets.stream().mapToLong(Long::longValue).toArray(),
                lines.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Opens {@code file} at a position of its {@link #index} without reading the entries before it (it seeks to
     * the checkpoint and steps over the rest). The lines {@link #line()} reports are the whole file's.
     *
     * @throws DataException when the file changed since it was indexed (its size or time differ)
     */
    public static <T> ObjectEntries<T> openAt(Path file, Class<T> type, EntryOffsets.Position at) throws DataException {
        EntryOffsets.check(file, at);
        JsonParser p = null;
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ).position(at.offset());
            // "{" and the file from a key on: an object of the remaining entries, read by the same parser code
            InputStream rest =
                    new SequenceInputStream(new ByteArrayInputStream(new byte[] {'{'}), Channels.newInputStream(ch));
            p = Json.mapper().createParser(rest);
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("the prefix is an object");
            ObjectEntries<T> entries = new ObjectEntries<>(file, type, p, at.line() - 1, false);
            if (entries.skip(at.skip()) < at.skip()) {
                entries.close();
                throw new DataException(file + " has fewer entries than when it was indexed: plan the run again");
            }
            return entries;
        } catch (IOException e) {
            closeQuietly(p);
            throw JsonErrors.of(file, e);
        }
    }

    /** What {@link #walk} hands each top-level entry. */
    @FunctionalInterface
    interface EntryVisitor {
        /**
         * @param keyAt where the entry's key starts
         * @param p     the parser on the value's first token: the visitor reads the value or skips its children
         */
        void entry(String key, JsonLocation keyAt, JsonParser p) throws IOException, DataException;
    }

    /**
     * Reads a file that is one JSON object once, entry by entry, checking the syntax around the entries (the one
     * object, nothing after it): the single walk behind counting, {@link #scan}, {@link #index} and
     * {@link EntryIndex#build}. With {@code upToCut}, a file that ends inside the object (a truncated file) ends
     * the walk after its last complete entry and is reported as the scan's {@link Cut}; any other syntax error
     * fails, naming file, line and column.
     */
    static Cut.Scan walk(Path file, EntryVisitor visitor, boolean upToCut) throws DataException {
        long n = 0;
        String key = null; // the entry being read, if any
        try (JsonParser p = Json.mapper().createParser(file.toFile())) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw JsonErrors.at(file, p.currentTokenLocation(), "expected a JSON object keyed by id");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    p.nextToken();
                    visitor.entry(key, keyAt, p);
                    key = null;
                    n++;
                }
                if (p.currentToken() != JsonToken.END_OBJECT) {
                    throw JsonErrors.at(file, p.currentTokenLocation(), "expected the end of the object");
                }
                if (p.nextToken() != null) {
                    throw JsonErrors.at(file, p.currentTokenLocation(), "content after the top-level object");
                }
                return new Cut.Scan(n, Optional.empty());
            } catch (JsonProcessingException e) {
                if (!upToCut || !JsonErrors.isTruncation(file, e)) throw e;
                Cut cut = key == null
                        ? new Cut(file.getFileName() + " (end)", JsonErrors.truncated(file, e, null, n))
                        : new Cut(key, JsonErrors.truncated(file, e, "entry '" + key + "'", n));
                return new Cut.Scan(n, Optional.of(cut));
            }
        } catch (IOException e) {
            throw JsonErrors.of(file, e);
        }
    }

    /**
     * Steps over the next {@code n} entries token by token, without binding them; returns how many it stepped
     * over (fewer at the end of the object).
     */
    public long skip(long n) {
        long skipped = 0;
        if (n > 0 && next != null) {
            next = null;
            skipped++;
        }
        try {
            while (skipped < n && !done) {
                JsonToken t = parser.nextToken();
                if (t != JsonToken.FIELD_NAME) {
                    finish(t);
                    break;
                }
                parser.nextToken();
                parser.skipChildren();
                skipped++;
            }
        } catch (IOException e) {
            done = true;
            if (upToCut && e instanceof JsonProcessingException j && JsonErrors.isTruncation(file, j)) return skipped;
            throw new UncheckedDataException(JsonErrors.of(file, e, lineOffset));
        }
        return skipped;
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        try {
            JsonToken t = parser.nextToken();
            if (t != JsonToken.FIELD_NAME) {
                finish(t);
                return false;
            }
            String key = parser.currentName();
            parser.nextToken();
            nextLine = parser.currentTokenLocation().getLineNr() + lineOffset;
            next = Map.entry(key, parser.readValueAs(type));
            return true;
        } catch (IOException e) {
            done = true;
            if (upToCut && e instanceof JsonProcessingException j && JsonErrors.isTruncation(file, j)) return false;
            throw new UncheckedDataException(JsonErrors.of(file, e, lineOffset));
        }
    }

    /** The end of the entries: {@code t}, the token after the last one, must close the object. */
    private void finish(JsonToken t) {
        done = true;
        if (t != JsonToken.END_OBJECT && !(t == null && upToCut)) {
            throw new UncheckedDataException(JsonErrors.at(
                    file, parser.currentTokenLocation(), lineOffset, "expected a field name or the end of the object"));
        }
    }

    @Override
    public Map.Entry<String, T> next() {
        if (!hasNext()) throw new NoSuchElementException();
        Map.Entry<String, T> e = next;
        next = null;
        line = nextLine;
        return e;
    }

    /** The line the entry last returned by {@link #next} starts on. */
    public int line() {
        return line;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    static void closeQuietly(JsonParser p) {
        if (p == null) return;
        try {
            p.close();
        } catch (IOException ignored) {
            // closing a read-only file; nothing to recover
        }
    }
}
