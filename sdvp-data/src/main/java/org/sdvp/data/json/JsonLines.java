package org.sdvp.data.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/**
 * JSON-lines files (NLVR2): one object per line, blank lines skipped. Lines are small and files are at
 * most ~100k lines, so a file is bound in one pass; an error names the file, the line and the column.
 */
public final class JsonLines {
    private JsonLines() {}

    public static <T> List<T> read(Path file, Class<T> type) throws DataException {
        List<T> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNr = 0;
            while ((line = in.readLine()) != null) {
                lineNr++;
                if (line.isBlank()) continue;
                try {
                    rows.add(Json.mapper().readValue(line, type));
                } catch (JsonProcessingException e) {
                    int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                    throw new DataException(
                            "malformed JSON in " + file + " at line " + lineNr + ", column " + column + ": "
                                    + e.getOriginalMessage(),
                            e);
                }
            }
        } catch (IOException e) {
            throw JsonErrors.of(file, e);
        }
        return rows;
    }
}
