package org.sdvp.data.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
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
    /** Whether the iteration ends quietly at a cut (a truncated file) instead of failing. */
    private final boolean upToCut;

    private Map.Entry<String, T> next;
    private boolean done;
    private int nextLine, line;

    private ObjectEntries(Path file, Class<T> type, JsonParser parser, boolean upToCut) {
        this.file = file;
        this.type = type;
        this.parser = parser;
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
            return new ObjectEntries<>(file, type, p, upToCut);
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
        return count(file, null);
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
        long n = 0;
        String key = null; // the entry being read, if any
        try (JsonParser p = Json.mapper().createParser(file.toFile())) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw JsonErrors.at(file, p.currentTokenLocation(), "expected a JSON object keyed by id");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    key = p.currentName();
                    p.nextToken();
                    if (type == null) p.skipChildren();
                    else p.readValueAs(type);
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

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        try {
            JsonToken t = parser.nextToken();
            if (t != JsonToken.FIELD_NAME) {
                done = true;
                if (t != JsonToken.END_OBJECT && !(t == null && upToCut)) {
                    throw new UncheckedDataException(JsonErrors.at(
                            file, parser.currentTokenLocation(), "expected a field name or the end of the object"));
                }
                return false;
            }
            String key = parser.currentName();
            parser.nextToken();
            nextLine = parser.currentTokenLocation().getLineNr();
            next = Map.entry(key, parser.readValueAs(type));
            return true;
        } catch (IOException e) {
            done = true;
            if (upToCut && e instanceof JsonProcessingException j && JsonErrors.isTruncation(file, j)) return false;
            throw new UncheckedDataException(JsonErrors.of(file, e));
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
