package org.sdvp.llm.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generated programs in a JSON lines file, one {@link CacheEntry} per line, reused across runs.
 *
 * <p>The whole file is read when opened; later lines win over earlier ones with the same key. A line that
 * is not a valid entry (a crash mid-write, a hand edit) is logged with its path and line number and
 * skipped; a line of a newer format version is skipped the same way. New entries are appended by one
 * writer under a lock and flushed line by line, so concurrent {@link #put}s never interleave and a crash
 * loses at most the line being written. Two processes must not append to the same file at once.
 * Thread-safe.
 */
public final class ProgramCache implements AutoCloseable {
    /** The entry format this class writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ProgramCache.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path file;
    private final Map<String, CacheEntry> entries = new ConcurrentHashMap<>();
    private final BufferedWriter writer;
    private final List<String> problems = new ArrayList<>();

    private ProgramCache(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        load();
        terminateLastLine();
        this.writer = Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    /** Opens (creating if needed) the cache file and reads every entry in it. */
    public static ProgramCache open(Path file) throws IOException {
        return new ProgramCache(file);
    }

    private void load() throws IOException {
        if (!Files.exists(file)) return;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                CacheEntry e = JSON.readValue(line, CacheEntry.class);
                if (e.v() > FORMAT_VERSION) {
                    skip(
                            i + 1,
                            "entry of format version " + e.v() + " (this sdvp reads at most " + FORMAT_VERSION + ")");
                    continue;
                }
                entries.put(e.key(), e);
            } catch (IOException | RuntimeException ex) {
                skip(i + 1, "corrupt line: " + firstLine(ex.getMessage()));
            }
        }
        LOG.info(
                "program cache {}: {} entries{}",
                file,
                entries.size(),
                problems.isEmpty() ? "" : ", " + problems.size() + " lines skipped");
    }

    private void skip(int line, String why) {
        String problem = file + ":" + line + ": skipped " + why;
        LOG.warn("{}", problem);
        problems.add(problem);
    }

    /** A crash can leave a last line without its newline; the next append must not be glued onto it. */
    private void terminateLastLine() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) return;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 1);
            if (raf.read() != '\n') {
                raf.seek(raf.length());
                raf.write('\n');
            }
        }
    }

    public Optional<CacheEntry> get(CacheKey key) {
        return Optional.ofNullable(entries.get(key.hash()));
    }

    /** Stores and appends the entry (one line, flushed). */
    public void put(CacheEntry entry) throws IOException {
        String line = JSON.writeValueAsString(entry);
        synchronized (writer) {
            writer.write(line);
            writer.write('\n');
            writer.flush();
        }
        entries.put(entry.key(), entry);
    }

    public int size() {
        return entries.size();
    }

    /** Lines of the file that could not be used when it was opened. */
    public int skippedLines() {
        return problems.size();
    }

    /** Why each of those lines was skipped, as {@code PATH:LINE: skipped ...}. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        synchronized (writer) {
            writer.close();
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
