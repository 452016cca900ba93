package org.sdvp.llm.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.io.DataException;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.core.source.Question;

/**
 * Programs from a file ({@code --programs FILE}): JSON lines, one object per question,
 * {@code {"id": "QUESTION_ID", "program": "BOX0=LOC(...)\nFINAL_RESULT=RESULT(var=BOX0)"}}; other fields
 * are ignored, blank lines skipped. Unlike the cache, this file is the user's input, so a malformed line or a
 * repeated id is an error (with path and line) when the file is opened. A question missing from the file
 * fails with a message and the run goes on. Immutable and thread-safe.
 */
public final class ProgramFileSource implements ProgramSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, String> programs;

    private ProgramFileSource(Path file, Map<String, String> programs) {
        this.file = file;
        this.programs = Map.copyOf(programs);
    }

    /** @throws DataException when the file cannot be read or a line is not {@code {"id":..., "program":...}} */
    public static ProgramFileSource open(Path file) throws DataException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataException("cannot read program file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> programs = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            String where = file + ":" + (i + 1) + ": ";
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new DataException(
                        where + "not JSON: "
                                + e.getMessage().lines().findFirst().orElse(""),
                        e);
            }
            JsonNode id = node.get("id");
            JsonNode program = node.get("program");
            if (id == null || !id.isValueNode() || program == null || !program.isTextual()) {
                throw new DataException(where + "expected {\"id\": ..., \"program\": \"...\"}");
            }
            if (programs.put(id.asText(), program.asText()) != null) {
                throw new DataException(where + "question id '" + id.asText() + "' appears twice");
            }
        }
        return new ProgramFileSource(file, programs);
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    public int size() {
        return programs.size();
    }

    @Override
    public String programFor(Question example) throws ProgramSourceException {
        String p = programs.get(example.id());
        if (p == null) throw new ProgramSourceException("question " + example.id() + " has no program in " + file);
        return p;
    }
}
