package org.sdvp.data.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import org.sdvp.core.io.DataException;

/** Turns Jackson's errors into {@link DataException}s that say which file and where. */
public final class JsonErrors {
    private JsonErrors() {}

    /** {@code malformed JSON in q.json at line 3, column 17: Unexpected character ...} */
    public static DataException of(Path file, IOException e) {
        return of(file, e, 0);
    }

    /**
     * As {@link #of(Path, IOException)} for a parser that started {@code lineOffset} lines into the file (a reader
     * opened at a position), so that the line is the file's.
     */
    static DataException of(Path file, IOException e, int lineOffset) {
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation at = jpe.getLocation();
            String where = at == null ? "" : " at " + position(at, lineOffset);
            return new DataException("malformed JSON in " + file + where + ": " + jpe.getOriginalMessage(), e);
        }
        return new DataException("cannot read " + file + ": " + e.getMessage(), e);
    }

    /**
     * What kind of bad data a Jackson error means: a number out of its field's range is
     * {@code ABSURD_VALUE}, a value of the wrong JSON type {@code WRONG_FIELD_TYPE}, nesting beyond Jackson's
     * limit {@code NESTED_TOO_DEEP}, anything else {@code MALFORMED_JSON}.
     */
    public static DataException.Kind kind(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return e.getOriginalMessage().contains("depth")
                    ? DataException.Kind.NESTED_TOO_DEEP
                    : DataException.Kind.ABSURD_VALUE;
        }
        if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException) return DataException.Kind.ABSURD_VALUE;
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m) {
            return m.getCause() instanceof JsonProcessingException c ? kind(c) : DataException.Kind.WRONG_FIELD_TYPE;
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                && m.getCause() instanceof JsonProcessingException c) {
            return kind(c);
        }
        return DataException.Kind.MALFORMED_JSON;
    }

    /** One entry of {@code file} (at {@code where}, e.g. {@code line 17}) that Jackson could not read, by kind. */
    public static DataException entry(Path file, String where, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String column =
                at == null || at.getColumnNr() < 1 || !where.startsWith("line") ? "" : ", column " + at.getColumnNr();
        return new DataException(
                kind(e), "invalid entry in " + file + " at " + where + column + ": " + e.getOriginalMessage(), e);
    }

    /**
     * Whether {@code e} means that {@code file} ends inside its JSON value: the parser reached the end of input
     * (Jackson's {@code JsonEOFException}), or the error lies in the file's last bytes (a literal cut short,
     * {@code tru}, is an "unrecognized token" found at the end). Any other syntax error has content after it.
     */
    public static boolean isTruncation(Path file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.io.JsonEOFException) return true;
        }
        if (!(e instanceof com.fasterxml.jackson.core.JsonParseException) || e.getLocation() == null) return false;
        long at = e.getLocation().getByteOffset();
        if (at < 0) at = e.getLocation().getCharOffset();
        try {
            long size = java.nio.file.Files.size(file);
            if (at < 0 || size - at > TAIL) return false;
            // from the error to the end, the bad token alone (a literal cut short), then white space at most
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                in.skipNBytes(at);
                String rest = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                return rest.chars().noneMatch(c -> Character.isWhitespace(c) || ",:[]{}\"".indexOf(c) >= 0);
            }
        } catch (IOException io) {
            return false;
        }
    }

    /** How far from the end of the file a syntax error may be and still be a cut: a literal's length, and some. */
    private static final int TAIL = 16;

    /**
     * The cut of a truncated file, as an error of kind {@code TRUNCATED_JSON}: {@code truncated JSON in F at line
     * 3, column 12 (byte 140): the file ends inside entry 'q3', after 2 complete entries (...)}.
     *
     * @param inside what the cut fell in ({@code entry 'q3'}, {@code questions[2]}), or null: between entries
     */
    public static DataException truncated(Path file, JsonProcessingException e, String inside, long complete) {
        JsonLocation at = e.getLocation();
        String where = at == null
                ? ""
                : " at " + position(at, 0) + (at.getByteOffset() >= 0 ? " (byte " + at.getByteOffset() + ")" : "");
        String entries = complete + " complete " + (complete == 1 ? "entry" : "entries");
        String what = inside == null
                ? "the file ends after " + entries
                : "the file ends inside " + inside + ", after " + entries;
        return new DataException(
                DataException.Kind.TRUNCATED_JSON,
                "truncated JSON in " + file + where + ": " + what + " (" + e.getOriginalMessage() + ")",
                e);
    }

    /** A structural problem (not a syntax error) at the parser's position. */
    public static DataException at(Path file, JsonLocation at, String problem) {
        return at(file, at, 0, problem);
    }

    static DataException at(Path file, JsonLocation at, int lineOffset, String problem) {
        return new DataException("unexpected JSON in " + file + " at " + position(at, lineOffset) + ": " + problem);
    }

    static String position(JsonLocation at, int lineOffset) {
        return "line " + (at.getLineNr() + lineOffset) + ", column " + at.getColumnNr();
    }
}
