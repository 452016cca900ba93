package org.sdvp.data.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
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

    private ObjectEntries(Path file, Class<T> type, JsonParser parser) {
        this.file = file;
        this.type = type;
        this.parser = parser;
    }

    /** Opens {@code file} positioned at the first entry. */
    public static <T> ObjectEntries<T> open(Path file, Class<T> type) throws DataException {
        JsonParser p = null;
        try {
            p = Json.mapper().createParser(file.toFile());
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw JsonErrors.at(file, p.currentTokenLocation(), "expected a JSON object keyed by id");
            }
            return new ObjectEntries<>(file, type, p);
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
        try (JsonParser p = Json.mapper().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw JsonErrors.at(file, p.currentTokenLocation(), "expected a JSON object keyed by id");
            }
            long n = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                p.nextToken();
                if (type == null) p.skipChildren();
                else p.readValueAs(type);
                n++;
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw JsonErrors.at(file, p.currentTokenLocation(), "expected the end of the object");
            }
            if (p.nextToken() != null) {
                throw JsonErrors.at(file, p.currentTokenLocation(), "content after the top-level object");
            }
            return n;
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
                if (t != JsonToken.END_OBJECT) {
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
