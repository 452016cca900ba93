package org.sdvp.core.evaluation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/**
 * The finished questions of a run that is still going, one JSON line each, so that a killed {@code eval}
 * or {@code collect} continues where it stopped. The first line names the run (task, split, data, program
 * source, backends, ...); a journal of another run is refused, never mixed in. Each question is appended
 * with one write as soon as it is done; a line cut off by a kill is the only damage a kill can do, and it
 * is dropped on reopening (that question simply runs again). A journal of another run that holds no finished
 * question yet (a run that stopped at once, e.g. on a mistyped option) is simply replaced. The journal is deleted once the final output
 * has been written atomically, so while it exists the output next to it is not this run's.
 */
public final class RunJournal implements AutoCloseable {
    /** One finished question: its input position, its outcome and what else the command keeps (may be null). */
    public record Entry(int index, Outcome outcome, JsonNode extra) {}

    private record Header(String journal, Map<String, String> run) {}

    private static final String FORMAT = "sdvp-journal/1";

    private final Path file;
    private final Map<Integer, Entry> restored;
    private final WritableByteChannel channel;

    private RunJournal(Path file, Map<Integer, Entry> restored, WritableByteChannel channel) {
        this.file = file;
        this.restored = Collections.unmodifiableMap(restored);
        this.channel = channel;
    }

    /** No file: nothing restored, nothing kept (tests, and runs inside a larger command). */
    public static RunJournal none() {
        return new RunJournal(null, Map.of(), null);
    }

    /** A journal that appends to {@code channel} and restores nothing (tests: a channel to /dev/full). */
    static RunJournal writingTo(WritableByteChannel channel) {
        return new RunJournal(null, Map.of(), channel);
    }

    /** Where the journal of an output file lives: {@code results.json.journal}. */
    public static Path beside(Path output) {
        return output.resolveSibling(output.getFileName() + ".journal");
    }

    /**
     * Opens the journal, continuing it when it exists and belongs to the same run.
     *
     * @param run     what makes this run this run; a journal written with other values is refused
     * @param restart discard an existing journal instead of continuing it
     * @throws DataException when the journal belongs to another run or is damaged before its last line
     */
    public static RunJournal open(Path file, Map<String, String> run, boolean restart)
            throws DataException, IOException {
        Map<Integer, Entry> restored = new LinkedHashMap<>();
        long good = restart || !Files.exists(file) ? -1 : read(file, run, restored);
        if (good < 0) {
            AtomicFiles.writeString(file, Json.mapper().writeValueAsString(new Header(FORMAT, run)) + "\n");
        } else {
            if (good < Files.size(file)) {
                try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    c.truncate(good); // the line a kill cut off
                }
            }
        }
        return new RunJournal(
                file, restored, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /** Reads header and entries into {@code into}; returns the length of the undamaged prefix. */
    private static long read(Path file, Map<String, String> run, Map<Integer, Entry> into)
            throws DataException, IOException {
        byte[] bytes = Files.readAllBytes(file);
        long good = 0;
        int lineNr = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            lineNr++;
            boolean complete = end < bytes.length;
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            try {
                if (lineNr == 1 && !sameRun(file, Json.mapper().readValue(line, Header.class), run)) {
                    // another run's journal with no finished question loses nothing when replaced
                    if (!hasLineAfter(bytes, end)) return -1;
                    throw foreign(file, Json.mapper().readValue(line, Header.class), run);
                }
                if (lineNr > 1) {
                    Entry e = Json.mapper().readValue(line, Entry.class);
                    into.put(e.index(), e);
                }
            } catch (JacksonException e) {
                if (!complete) break; // cut off by a kill: dropped
                throw new DataException(
                        DataException.Kind.MALFORMED_JSON,
                        "the run journal " + file + " is damaged at line " + lineNr + " (" + e.getOriginalMessage()
                                + "); --restart discards it",
                        e);
            }
            if (!complete) break; // a whole record without its newline: the kill came between the two; drop it too
            good = end + 1;
            start = end + 1;
        }
        if (lineNr == 0 || good == 0) {
            throw new DataException(
                    DataException.Kind.MALFORMED_JSON,
                    "the run journal " + file + " has no header; --restart discards it");
        }
        return good;
    }

    private static boolean sameRun(Path file, Header h, Map<String, String> run) throws DataException {
        if (!FORMAT.equals(h.journal()) || h.run() == null) {
            throw new DataException(
                    DataException.Kind.MALFORMED_JSON, file + " is not an sdvp run journal; --restart discards it");
        }
        return h.run().equals(run);
    }

    private static boolean hasLineAfter(byte[] bytes, int headerEnd) {
        for (int i = headerEnd + 1; i < bytes.length; i++) if (!Character.isWhitespace(bytes[i])) return true;
        return false;
    }

    private static DataException foreign(Path file, Header h, Map<String, String> run) {
        TreeSet<String> keys = new TreeSet<>(run.keySet());
        keys.addAll(h.run().keySet());
        StringBuilder diff = new StringBuilder();
        for (String k : keys) {
            String was = h.run().get(k), now = run.get(k);
            if (!java.util.Objects.equals(was, now))
                diff.append(diff.isEmpty() ? "" : ", ")
                        .append(k)
                        .append(": ")
                        .append(was)
                        .append(" -> ")
                        .append(now);
        }
        return new DataException("the run journal " + file + " belongs to another run (" + diff
                + "); run with the same options to continue it, or add --restart to discard it");
    }

    /** The questions an earlier, interrupted run finished, by input position. */
    public Map<Integer, Entry> restored() {
        return restored;
    }

    /** Records a finished question; one write, so a kill leaves at most this line cut off. */
    public void append(Entry e) throws IOException {
        if (channel == null) return;
        ByteBuffer line =
                ByteBuffer.wrap((Json.mapper().writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            while (line.hasRemaining()) channel.write(line);
        }
    }

    /** Closes and deletes the journal: call once the final output is safely written. */
    public void finish() throws IOException {
        close();
        if (file != null) Files.deleteIfExists(file);
    }

    @Override
    public void close() throws IOException {
        if (channel != null && channel.isOpen()) channel.close();
    }
}
