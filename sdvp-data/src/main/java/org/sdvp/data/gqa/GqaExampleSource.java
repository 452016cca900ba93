package org.sdvp.data.gqa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.core.value.TextValue;
import org.sdvp.data.json.Cut;
import org.sdvp.data.json.Entries;
import org.sdvp.data.json.EntryOffsets;
import org.sdvp.data.json.ObjectEntries;
import org.sdvp.data.json.UncheckedDataException;
import org.sdvp.data.program.Conversion;
import org.sdvp.data.program.ConversionStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GQA questions as {@link Example}s, read one entry at a time from one or more questions files, each
 * program converted as its entry is read.
 *
 * <p>Each example: id = question id; type = {@code structural/semantic} ({@code query/attr}, or
 * {@code unknown} when the split has no types); image {@code IMAGE} = {@code images/IMAGEID.jpg}; gold =
 * the answer as text (absent in test splits); meta = {@code imageId}, {@code structural}, {@code semantic},
 * {@code detailed}, {@code program} ({@code converted} or {@code fallback}) and {@code fallbackReason}.
 * Not thread-safe.
 */
public final class GqaExampleSource implements ExampleSource {
    private static final Logger LOG = LoggerFactory.getLogger(GqaExampleSource.class);

    /**
     * Where a source stands, as {@link #position()} reports it: the split's file and the position in it (from the
     * file's {@link EntryOffsets}), the split's entry number and size; {@code at} is null at the end of the split.
     */
    record Position(int file, long entry, long size, EntryOffsets.Position at) {}

    private final List<Path> files;
    private final GqaLayout layout;
    private final GqaProgramConverter converter;
    private final ConversionStats stats;
    private final long size;
    /**
     * Each file's positional index (from opening the split), or null: for a source opened at a position, and
     * when a file is truncated (a split with a cut is read from its start, token by token).
     */
    private final List<EntryOffsets> offsets;
    /** Each file's cut, if it is truncated: its error comes after its last complete entry. */
    private final List<Optional<Cut>> cuts;
    /** The file {@link #current} reads (files before it are done), and how many of the split's entries are. */
    private int file = -1;

    private long entry;
    private ObjectEntries<JsonNode> current;
    /** The current file's cut, while it is still to come. */
    private Optional<Cut> cut = Optional.empty();

    /**
     * @param offsets each file's positional index, or null
     * @param cuts    each file's cut, if it is truncated
     * @param size    the examples the source yields: every complete entry, and one per cut
     */
    GqaExampleSource(
            List<Path> files,
            List<EntryOffsets> offsets,
            List<Optional<Cut>> cuts,
            long size,
            GqaLayout layout,
            GqaProgramConverter converter,
            ConversionStats stats) {
        this.files = List.copyOf(files);
        this.offsets = offsets;
        this.cuts = List.copyOf(cuts);
        this.layout = layout;
        this.converter = converter;
        this.stats = stats;
        this.size = size;
    }

    /** A source of the split's files starting at {@code p} (a position another source of the split reported). */
    static GqaExampleSource at(
            List<Path> files, Position p, GqaLayout layout, GqaProgramConverter converter, ConversionStats stats)
            throws DataException {
        if (p.file() < 0 || p.file() > files.size() || (p.at() == null) != (p.file() == files.size())) {
            throw new DataException("not a position in this split of " + files.size() + " file(s): " + p);
        }
        // its size: the questions from the position on
        GqaExampleSource s = new GqaExampleSource(
                files,
                null,
                Collections.nCopies(files.size(), Optional.empty()),
                p.size() - p.entry(),
                layout,
                converter,
                stats);
        s.file = p.file();
        s.entry = p.entry();
        if (p.at() != null) s.current = ObjectEntries.openAt(files.get(p.file()), JsonNode.class, p.at());
        return s;
    }

    /** Fallback counts so far. */
    public ConversionStats stats() {
        return stats;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(size);
    }

    @Override
    public boolean hasNext() {
        while (true) {
            if (current != null) {
                if (current.hasNext()) return true;
                current.close();
                current = null;
            }
            if (cut.isPresent()) return true; // after the last complete entry of a truncated file
            if (file + 1 >= files.size()) return false;
            file++;
            try {
                current = ObjectEntries.openUpToCut(files.get(file), JsonNode.class);
            } catch (DataException e) {
                throw new UncheckedDataException(e);
            }
            cut = cuts.get(file);
        }
    }

    @Override
    public Example next() {
        if (!hasNext()) throw new NoSuchElementException();
        entry++;
        if (current == null) { // the current file's entries are done: its cut
            Example error = cut.orElseThrow().example();
            cut = Optional.empty();
            return error;
        }
        Map.Entry<String, JsonNode> e = current.next();
        // a bad entry is that question's error; the file's syntax was checked when the split was opened
        return Entries.read(
                current.file(),
                e.getKey(),
                "entry '" + e.getKey() + "' (line " + current.line() + ")",
                () -> toExample(e.getKey(), Entries.bind(e.getValue(), GqaQuestion.class)));
    }

    /**
     * Steps over entries without binding or converting them: a long way by seeking through the files' indexes
     * (when this source has them), a short way token by token.
     */
    @Override
    public long skip(long n) {
        if (offsets != null && n >= EntryOffsets.EVERY) return seek(Math.min(size, entry + n));
        long done = 0;
        while (done < n && hasNext()) {
            if (current == null) { // the cut
                cut = Optional.empty();
                done++;
                entry++;
                continue;
            }
            long k = current.skip(n - done);
            done += k;
            entry += k;
        }
        return done;
    }

    /** Moves to the split's entry {@code target} through the files' indexes; returns how many entries it passed. */
    private long seek(long target) {
        long passed = target - entry, before = 0;
        if (current != null) current.close();
        current = null;
        for (int k = 0; k < files.size(); k++) {
            long count = offsets.get(k).count();
            if (target < before + count) {
                try {
                    current = ObjectEntries.openAt(
                            files.get(k), JsonNode.class, offsets.get(k).at(target - before));
                } catch (DataException e) {
                    throw new UncheckedDataException(e);
                }
                file = k;
                entry = target;
                return passed;
            }
            before += count;
        }
        file = files.size() - 1; // at the end: nothing is left to open
        entry = target;
        return passed;
    }

    /**
     * The next entry's place in the split, from the files' positional indexes (so only for a source opened from
     * the start of the split, which indexed its files).
     */
    @Override
    public Optional<String> position() {
        if (offsets == null) return Optional.empty();
        long before = 0;
        for (int k = 0; k < files.size(); k++) {
            long count = offsets.get(k).count();
            if (entry < before + count) {
                return Optional.of(
                        token(new Position(k, entry, size, offsets.get(k).at(entry - before))));
            }
            before += count;
        }
        return Optional.of(token(new Position(files.size(), entry, size, null)));
    }

    private static String token(Position p) {
        try {
            return Json.mapper().writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a position of numbers is always JSON", e);
        }
    }

    Example toExample(String id, GqaQuestion q) throws DataException {
        Entries.required(q.imageId(), "imageId");
        Entries.required(q.question(), "question");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("imageId", q.imageId() == null ? "" : q.imageId());
        String type = "unknown";
        if (q.types() != null) {
            meta.put("structural", String.valueOf(q.types().structural()));
            meta.put("semantic", String.valueOf(q.types().semantic()));
            meta.put("detailed", String.valueOf(q.types().detailed()));
            type = q.types().structural() + "/" + q.types().semantic();
        }
        Optional<String> program = Optional.empty();
        if (!q.semantic().isEmpty()) {
            Conversion c = converter.convert(q);
            stats.add(c);
            program = Optional.of(c.program());
            meta.put("program", c.fallback() ? "fallback" : "converted");
            c.fallbackReason().ifPresent(r -> meta.put("fallbackReason", r));
        }
        return new Example(
                id,
                type,
                q.question() == null ? "" : q.question(),
                Map.of("IMAGE", layout.image(q.imageId() == null ? id : q.imageId())),
                program,
                Optional.ofNullable(q.answer()).map(TextValue::new),
                meta);
    }

    @Override
    public void close() {
        if (current != null) current.close();
        current = null;
        if (stats.total() > 0) LOG.info("GQA programs: {}", stats);
    }
}
