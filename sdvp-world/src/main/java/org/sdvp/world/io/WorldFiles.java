package org.sdvp.world.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;

/**
 * Writing the world's JSON files: compact, with keys in insertion order (so bytes depend only on content),
 * written atomically. Reading goes through sdvp-data's readers (CLEVR records, JSON lines), whose errors
 * name the file and, for malformed JSON, the line and column.
 */
public final class WorldFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorldFiles() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static ObjectNode info(Provenance p) {
        ObjectNode n = object();
        n.put("generator", p.generator());
        n.put("task", p.task());
        n.put("split", p.split());
        n.put("seed", p.seed());
        n.put("style", p.style());
        n.put("count", p.count());
        n.put("width", p.width());
        n.put("height", p.height());
        return n;
    }

    public static void write(Path file, JsonNode content) throws IOException {
        AtomicFiles.write(file, out -> {
            MAPPER.writeValue(new NonClosing(out), content);
            out.write('\n');
        });
    }

    /** Writes one JSON document per line (NLVR2's layout). */
    public static void writeLines(Path file, Iterable<? extends JsonNode> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            for (JsonNode row : rows) {
                out.write(MAPPER.writeValueAsBytes(row));
                out.write('\n');
            }
        });
    }

    /** A file whose content does not follow the schema: names the file and the entry. */
    public static DataException invalid(Path file, String where, String what) {
        return new DataException("invalid " + file.getFileName() + " (" + file + ") at " + where + ": " + what);
    }

    /** Jackson closes the stream it writes to; AtomicFiles must do that itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
