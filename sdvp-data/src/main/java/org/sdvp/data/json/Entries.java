package org.sdvp.data.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/**
 * Entry-level recovery for every dataset reader (world tasks, GQA, NLVR2, CLEVR): an entry that breaks the
 * schema — a malformed JSON line, a field of the wrong type, a number out of range, nesting too deep, a
 * missing field, a program pointing nowhere — becomes an {@link Example#invalid invalid example} naming file,
 * position and reason, which the run records as that question's error and goes on.
 */
public final class Entries {
    private Entries() {}

    /** Reads one entry into an example. */
    @FunctionalInterface
    public interface Reader {
        Example read() throws JsonProcessingException, DataException;
    }

    /**
     * An entry nested deeper than this is refused (a question is a few levels deep; Jackson's own limit, 500,
     * stops a deeper one while parsing, which in a JSON array or object ends the read).
     */
    public static final int MAX_DEPTH = 64;

    /**
     * Reads one entry, or the invalid example that says why it could not be read.
     *
     * @param id the invalid example's id: the entry's key when it has one, else {@code where}
     * @param where the entry's position in {@code file}, e.g. {@code line 17} or {@code questions[3]}
     */
    public static Example read(Path file, String id, String where, Reader reader) {
        try {
            return reader.read();
        } catch (JsonProcessingException | DataException | RuntimeException e) {
            return Example.invalid(id, problem(file, where, e));
        }
    }

    /**
     * Why the entry at {@code where} in {@code file} could not be read, by kind: Jackson's error ({@link
     * JsonErrors#kind}), the reader's own {@link DataException}, or a program the converter cannot take (a node
     * input pointing nowhere, an unknown function: {@code ABSURD_VALUE}).
     */
    public static DataException problem(Path file, String where, Exception e) {
        if (e instanceof JsonProcessingException j) return JsonErrors.entry(file, where, j);
        String prefix = "invalid entry in " + file + " at " + where + ": ";
        if (e instanceof DataException d) return new DataException(d.kind(), prefix + d.getMessage(), d);
        return new DataException(
                DataException.Kind.ABSURD_VALUE, prefix + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
    }

    /** {@code entry} bound to {@code type}, after the depth check. */
    public static <T> T bind(JsonNode entry, Class<T> type) throws JsonProcessingException, DataException {
        return Json.mapper().treeToValue(shallow(entry), type);
    }

    /** {@code entry} itself, if it is at most {@link #MAX_DEPTH} levels deep. */
    public static JsonNode shallow(JsonNode entry) throws DataException {
        ArrayDeque<JsonNode> level = new ArrayDeque<>(List.of(entry));
        for (int depth = 1; !level.isEmpty(); depth++) {
            if (depth > MAX_DEPTH) {
                throw new DataException(
                        DataException.Kind.NESTED_TOO_DEEP, "nested deeper than " + MAX_DEPTH + " levels");
            }
            ArrayDeque<JsonNode> next = new ArrayDeque<>();
            for (JsonNode n : level) n.forEach(next::add);
            level = next;
        }
        return entry;
    }

    /** {@code value}, which the entry must have. */
    public static String required(String value, String field) throws DataException {
        if (value == null)
            throw new DataException(DataException.Kind.MISSING_FIELD, "missing text field '" + field + "'");
        return value;
    }
}
