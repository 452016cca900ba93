package org.sdvp.data.gqa;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.io.DataException;
import org.sdvp.core.value.TextValue;
import org.sdvp.data.json.Cut;
import org.sdvp.data.json.Entries;
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

    private final Iterator<Map.Entry<Path, Cut.Scan>> files;
    private final GqaLayout layout;
    private final GqaProgramConverter converter;
    private final ConversionStats stats;
    private final long size;
    private ObjectEntries<JsonNode> current;
    /** The cut of the current file, if it is truncated: its error comes after its last complete entry. */
    private Optional<Cut> cut = Optional.empty();

    /** @param files each questions file, in order, with what {@link ObjectEntries#scan} found in it */
    GqaExampleSource(
            Map<Path, Cut.Scan> files, GqaLayout layout, GqaProgramConverter converter, ConversionStats stats) {
        this.files = List.copyOf(files.entrySet()).iterator();
        this.layout = layout;
        this.converter = converter;
        this.stats = stats;
        this.size = files.values().stream().mapToLong(Cut.Scan::examples).sum();
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
            if (!files.hasNext()) return false;
            Map.Entry<Path, Cut.Scan> file = files.next();
            try {
                current = ObjectEntries.openUpToCut(file.getKey(), JsonNode.class);
            } catch (DataException e) {
                throw new UncheckedDataException(e);
            }
            cut = file.getValue().cut();
        }
    }

    @Override
    public Example next() {
        if (!hasNext()) throw new NoSuchElementException();
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
