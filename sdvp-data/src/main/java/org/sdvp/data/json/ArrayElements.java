package org.sdvp.data.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/**
 * The elements of the array under one field of a top-level JSON object (CLEVR's
 * {@code {"info": {...}, "questions": [...]}}), bound one at a time. Other top-level fields are skipped
 * unread.
 *
 * @param <T> the type each element is bound to
 */
public final class ArrayElements<T> implements Iterator<T>, AutoCloseable {
    private final Path file;
    private final Class<T> type;
    private final JsonParser parser;
    /** Whether the iteration ends quietly at a cut (a truncated file) instead of failing. */
    private final boolean upToCut;

    private T next;
    private boolean done;

    private ArrayElements(Path file, Class<T> type, JsonParser parser, boolean upToCut) {
        this.file = file;
        this.type = type;
        this.parser = parser;
        this.upToCut = upToCut;
    }

    /** Opens {@code file} positioned at the first element of {@code field}'s array; a syntax error fails. */
    public static <T> ArrayElements<T> open(Path file, String field, Class<T> type) throws DataException {
        return open(file, field, type, false);
    }

    /**
     * Opens {@code file} positioned at the first element of {@code field}'s array; the iteration ends after the
     * last complete element of a truncated file, whose cut {@link #scan} reports.
     */
    public static <T> ArrayElements<T> openUpToCut(Path file, String field, Class<T> type) throws DataException {
        return open(file, field, type, true);
    }

    private static <T> ArrayElements<T> open(Path file, String field, Class<T> type, boolean upToCut)
            throws DataException {
        JsonParser p = null;
        try {
            p = Json.mapper().createParser(file.toFile());
            seek(file, p, field);
            return new ArrayElements<>(file, type, p, upToCut);
        } catch (IOException e) {
            ObjectEntries.closeQuietly(p);
            throw JsonErrors.of(file, e);
        } catch (DataException e) {
            ObjectEntries.closeQuietly(p);
            throw e;
        }
    }

    /** The number of elements of {@code field}'s array, checking the syntax of the whole file. */
    public static long count(Path file, String field) throws DataException {
        return count(file, field, null);
    }

    /** As {@link #count(Path, String)}, also binding each element to {@code type} (null: syntax only). */
    public static long count(Path file, String field, Class<?> type) throws DataException {
        return scan(file, field, type, false).entries();
    }

    /**
     * Reads the whole file once, token by token: the complete elements of {@code field}'s array and, when the
     * file ends inside or after that array (a truncated file), the {@link Cut}: {@code FIELD[N]}, the element it
     * fell in. Any other syntax error, or a file that ends before the array begins, fails naming file, line and
     * column.
     */
    public static Cut.Scan scan(Path file, String field) throws DataException {
        return scan(file, field, null, true);
    }

    private static Cut.Scan scan(Path file, String field, Class<?> type, boolean upToCut) throws DataException {
        try (JsonParser p = Json.mapper().createParser(file.toFile())) {
            seek(file, p, field);
            long n = 0;
            boolean inArray = true, inElement = false;
            try {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == null) throw JsonErrors.at(file, p.currentLocation(), "unterminated array");
                    inElement = true;
                    if (type == null) p.skipChildren();
                    else p.readValueAs(type);
                    inElement = false;
                    n++;
                }
                inArray = false;
                while (p.nextToken() != null) p.skipChildren(); // the rest must parse too
                return new Cut.Scan(n, Optional.empty());
            } catch (JsonProcessingException e) {
                if (!upToCut || !JsonErrors.isTruncation(file, e)) throw e;
                String element = field + "[" + n + "]";
                Cut cut = inArray
                        ? new Cut(element, JsonErrors.truncated(file, e, inElement ? element : null, n))
                        : new Cut(
                                file.getFileName() + " (end)",
                                JsonErrors.truncated(file, e, "what follows the '" + field + "' array", n));
                return new Cut.Scan(n, Optional.of(cut));
            }
        } catch (IOException e) {
            throw JsonErrors.of(file, e);
        }
    }

    private static void seek(Path file, JsonParser p, String field) throws IOException, DataException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw JsonErrors.at(file, p.currentTokenLocation(), "expected a JSON object with a '" + field + "' array");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals(field)) {
                if (value != JsonToken.START_ARRAY) {
                    throw JsonErrors.at(file, p.currentTokenLocation(), "'" + field + "' is not an array");
                }
                return;
            }
            p.skipChildren();
        }
        throw new DataException("no '" + field + "' array in " + file);
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                done = true;
                return false;
            }
            next = parser.readValueAs(type);
            return true;
        } catch (IOException e) {
            done = true;
            if (upToCut && e instanceof JsonProcessingException j && JsonErrors.isTruncation(file, j)) return false;
            throw new UncheckedDataException(JsonErrors.of(file, e));
        }
    }

    @Override
    public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        T e = next;
        next = null;
        return e;
    }

    @Override
    public void close() {
        ObjectEntries.closeQuietly(parser);
    }
}
