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
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation at = jpe.getLocation();
            String where = at == null ? "" : " at " + position(at);
            return new DataException("malformed JSON in " + file + where + ": " + jpe.getOriginalMessage(), e);
        }
        return new DataException("cannot read " + file + ": " + e.getMessage(), e);
    }

    /** A structural problem (not a syntax error) at the parser's position. */
    public static DataException at(Path file, JsonLocation at, String problem) {
        return new DataException("unexpected JSON in " + file + " at " + position(at) + ": " + problem);
    }

    static String position(JsonLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
