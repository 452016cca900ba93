package org.sdvp.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/** The project's one JSON configuration: keys in declaration order, pretty output for files people read. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .build();

    private Json() {}

    /** A shared, thread-safe mapper (configure nothing on it). */
    public static ObjectMapper mapper() { return MAPPER; }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} as pretty JSON, atomically. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, pretty(value));
    }
}
