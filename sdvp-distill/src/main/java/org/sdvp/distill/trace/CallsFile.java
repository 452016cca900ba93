package org.sdvp.distill.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/** Collected calls as JSON lines (one {@link SubTaskCall} per line), written atomically. */
public final class CallsFile {
    private CallsFile() {}

    public static void write(Path file, List<SubTaskCall> calls) throws IOException {
        ObjectMapper m = Json.mapper();
        AtomicFiles.write(file, out -> {
            for (SubTaskCall c : calls) {
                out.write(m.writeValueAsBytes(c));
                out.write('\n');
            }
        });
    }

    /** @throws DataException naming the file and line of a malformed entry */
    public static List<SubTaskCall> read(Path file) throws DataException {
        List<SubTaskCall> calls = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                calls.add(parse(file, n, line));
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return calls;
    }

    /**
     * One line of {@code file} (its 1-based line {@code n}), for readers of a part of the file.
     *
     * @throws DataException naming the file and line when it is not a call
     */
    public static SubTaskCall parse(Path file, long n, String line) throws DataException {
        try {
            return Json.mapper().readValue(line, SubTaskCall.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new DataException(
                    file + ":" + n + ": not a sub-task call: "
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
                    e);
        }
    }
}
