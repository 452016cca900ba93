package org.sdvp.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The project's one JSON configuration: keys in declaration order, pretty output for files people read. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** A shared, thread-safe mapper (configure nothing on it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

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

    /**
     * Every leaf where {@code actual} differs from {@code expected}, as "architecture.channels: expected [32,64],
     * found [16,32]" (fields missing on either side included): how a saved config is compared with a requested one.
     */
    public static List<String> differences(JsonNode expected, JsonNode actual, String path) {
        List<String> out = new ArrayList<>();
        diff(expected, actual, path, out);
        return out;
    }

    private static void diff(JsonNode e, JsonNode a, String path, List<String> out) {
        if (e instanceof ObjectNode eo && a instanceof ObjectNode ao) {
            TreeSet<String> keys = new TreeSet<>();
            eo.fieldNames().forEachRemaining(keys::add);
            ao.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String p = path.isEmpty() ? k : path + "." + k;
                if (!eo.has(k)) out.add(p + ": not expected, found " + ao.get(k));
                else if (!ao.has(k)) out.add(p + ": expected " + eo.get(k) + ", missing");
                else diff(eo.get(k), ao.get(k), p, out);
            }
        } else if (!e.equals(a)) {
            out.add(path + ": expected " + e + ", found " + a);
        }
    }
}
