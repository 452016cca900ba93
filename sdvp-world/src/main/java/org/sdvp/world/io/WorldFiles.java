package org.sdvp.world.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;

/**
 * Reading and writing the world's JSON files: compact, with keys in insertion order (so bytes depend only
 * on content), written atomically; read errors name the file and, for malformed JSON, the line and column.
 */
public final class WorldFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorldFiles() {}

    public static ObjectMapper mapper() { return MAPPER; }

    public static ObjectNode object() { return MAPPER.createObjectNode(); }

    public static ArrayNode array() { return MAPPER.createArrayNode(); }

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

    public static JsonNode read(Path file) throws DataException {
        if (!Files.isRegularFile(file)) throw new DataException("file not found: " + file);
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw malformed(file, e, 0);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads JSON lines; a bad line is reported with its own line number. */
    public static java.util.List<JsonNode> readLines(Path file) throws DataException {
        if (!Files.isRegularFile(file)) throw new DataException("file not found: " + file);
        java.util.List<JsonNode> rows = new java.util.ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file)) {
                lineNo++;
                if (line.isBlank()) continue;
                try {
                    rows.add(MAPPER.readTree(line));
                } catch (JsonProcessingException e) {
                    throw malformed(file, e, lineNo - 1);
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static DataException malformed(Path file, JsonProcessingException e, int lineOffset) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + (loc.getLineNr() + lineOffset) + ", column " + loc.getColumnNr();
        return new DataException("malformed JSON in " + file + where + ": " + e.getOriginalMessage(), e);
    }

    /** A file whose content does not follow the schema: names the file and the entry. */
    public static DataException invalid(Path file, String where, String what) {
        return new DataException("invalid " + file.getFileName() + " (" + file + ") at " + where + ": " + what);
    }

    /** Jackson closes the stream it writes to; AtomicFiles must do that itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) { super(out); }

        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override public void close() throws IOException { flush(); }
    }
}
