package org.sdvp.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sdvp.core.evaluation.Outcome;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/**
 * The work folder of a Spark job ({@code OUT.spark/}): {@code job.json} says which job the partitions belong
 * to; each partition is written into a hidden temporary folder and renamed to {@code part-NNNNN/} only when
 * complete, so a partition folder that exists is complete (its {@code _SUCCESS} says so too) and a killed
 * job leaves only temporary folders, which a re-run deletes.
 */
final class PartitionStore {
    static final String OUTCOMES = "outcomes.jsonl",
            QUESTIONS = "questions.jsonl",
            STATS = "stats.json",
            SUCCESS = "_SUCCESS";

    private final Path dir;

    PartitionStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path partition(int index) {
        return dir.resolve(String.format(Locale.ROOT, "part-%05d", index));
    }

    boolean isComplete(int index) {
        return Files.isRegularFile(partition(index).resolve(SUCCESS));
    }

    /**
     * Keeps the partitions of the same job (same identity) and deletes everything else.
     *
     * @return true when earlier partitions of this job were kept
     */
    boolean prepare(String identity) throws IOException {
        Path job = dir.resolve("job.json");
        boolean same = Files.isRegularFile(job) && Files.readString(job).equals(identity);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : entries.toList()) {
                    boolean keep = same && p.getFileName().toString().startsWith("part-");
                    if (!keep && !p.equals(job)) deleteTree(p);
                }
            }
        }
        Files.createDirectories(dir);
        if (!same) AtomicFiles.writeString(job, identity);
        return same;
    }

    /** A fresh temporary folder for one attempt at a partition (attempts never share one). */
    Path begin(int index) throws IOException {
        return Files.createDirectories(
                dir.resolve("." + partition(index).getFileName() + "." + UUID.randomUUID() + ".tmp"));
    }

    /**
     * Marks {@code tmp} complete and renames it to the partition's folder. When another attempt committed
     * first (a retried or speculative task), this attempt's copy is dropped: both hold the same questions.
     */
    void commit(int index, Path tmp) throws IOException {
        Files.writeString(tmp.resolve(SUCCESS), "");
        try {
            Files.move(tmp, partition(index), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            if (!isComplete(index)) throw e;
            deleteTree(tmp);
        } catch (IOException e) {
            // a non-empty target folder is reported as DirectoryNotEmptyException on some systems
            if (!isComplete(index)) throw e;
            deleteTree(tmp);
        }
    }

    PartitionStats stats(int index) throws DataException {
        return stats(index, PartitionStats.class);
    }

    /** A label partition's counters. */
    LabelStats labelStats(int index) throws DataException {
        return stats(index, LabelStats.class);
    }

    private <T> T stats(int index, Class<T> type) throws DataException {
        Path f = partition(index).resolve(STATS);
        try {
            return Json.mapper().readValue(f.toFile(), type);
        } catch (IOException e) {
            throw new DataException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** Streams a partition's outcomes in question order. */
    void outcomes(int index, Consumer<Outcome> sink) throws DataException {
        Path f = partition(index).resolve(OUTCOMES);
        ObjectMapper m = Json.mapper();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                try {
                    sink.accept(m.readValue(line, Outcome.class));
                } catch (IOException e) {
                    throw new DataException(f + ":" + n + ": not an outcome: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * The question lines a partition kept ({@link JobPlan#questionLines}), in question order; none when it kept
     * none. At most the questions file's limit over all partitions, so they may be held.
     */
    List<JsonNode> questionLines(int index) throws DataException {
        Path f = partition(index).resolve(QUESTIONS);
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.isRegularFile(f)) return lines;
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                try {
                    lines.add(Json.mapper().readTree(line));
                } catch (IOException e) {
                    throw new DataException(
                            f + ":" + (lines.size() + 1) + ": not a question line: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + f + ": " + e.getMessage(), e);
        }
        return lines;
    }

    /** A partition's call files, one per chunk, in chunk order. */
    List<Path> callFiles(int index) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(partition(index), "calls-*.jsonl")) {
            files.forEach(out::add);
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    static String callFile(int chunk) {
        return String.format(Locale.ROOT, "calls-%05d.jsonl", chunk);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
