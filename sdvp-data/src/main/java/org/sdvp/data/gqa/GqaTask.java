package org.sdvp.data.gqa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sdvp.core.evaluation.Outcome;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.metric.Metric;
import org.sdvp.data.json.Cut;
import org.sdvp.data.json.EntryOffsets;
import org.sdvp.data.json.ObjectEntries;
import org.sdvp.data.metric.GqaBreakdown;
import org.sdvp.data.program.ConversionStats;

/**
 * {@code --dataset gqa}: a GQA questions split ({@code testdev_balanced}, {@code val_all}, ...) under a root
 * laid out as in {@link GqaLayout}, scored by exact match after VQA normalisation. Opening a split reads
 * its file(s) once, token by token, so that a syntax error (a truncated file) is reported (file, line,
 * column) before anything runs, and to count the questions; then entries are streamed, and an entry that
 * breaks the schema (a field of the wrong type, a missing {@code question} or {@code imageId}) becomes that
 * question's error ({@link org.sdvp.data.json.Entries}). The same pass indexes each file's positions
 * ({@link EntryOffsets}), so a source can {@link GqaExampleSource#skip skip} to a question and report a
 * {@link GqaExampleSource#position position} from which a worker opens the split without reading what precedes it.
 */
public final class GqaTask implements Task {
    @Override
    public String name() {
        return "gqa";
    }

    @Override
    public String description() {
        return "GQA questions (real data; --root holds questions/, images/, *_sceneGraphs.json)";
    }

    @Override
    public Set<String> initialVariables() {
        return Set.of("IMAGE");
    }

    @Override
    public Metric metric() {
        return new ExactMatch();
    }

    /** GQA's official breakdowns by structural and by semantic type. */
    @Override
    public Map<String, Double> aggregates(List<Outcome> outcomes) {
        return GqaBreakdown.ofOutcomes(outcomes).aggregates();
    }

    @Override
    public GqaExampleSource open(Path dataDir, String split) throws DataException {
        GqaLayout layout = new GqaLayout(dataDir);
        List<Path> files = layout.questionFiles(split);
        List<EntryOffsets> offsets = new ArrayList<>();
        List<Optional<Cut>> cuts = new ArrayList<>();
        long size = 0;
        for (Path f : files) {
            try {
                EntryOffsets o = ObjectEntries.index(f); // checks the syntax, counts, indexes the positions
                offsets.add(o);
                cuts.add(Optional.empty());
                size += o.count();
            } catch (DataException e) {
                // a truncated file: its complete entries and the cut (any other syntax error is thrown again)
                Cut.Scan scan = ObjectEntries.scan(f);
                if (scan.cut().isEmpty()) throw e;
                offsets.add(null);
                cuts.add(scan.cut());
                size += scan.examples();
            }
        }
        return new GqaExampleSource(
                files,
                offsets.contains(null) ? null : offsets,
                cuts,
                size,
                layout,
                new GqaProgramConverter(),
                new ConversionStats());
    }

    /**
     * The split from a position a source of it reported, without reading (or checking again) the questions before
     * it: the files are checked to be the ones indexed (size and time).
     */
    @Override
    public GqaExampleSource open(Path dataDir, String split, String position) throws DataException {
        GqaLayout layout = new GqaLayout(dataDir);
        GqaExampleSource.Position p;
        try {
            p = Json.mapper().readValue(position, GqaExampleSource.Position.class);
        } catch (IOException e) {
            throw new DataException("not a position in a GQA split: " + position + " (" + e.getMessage() + ")", e);
        }
        return GqaExampleSource.at(
                layout.questionFiles(split), p, layout, new GqaProgramConverter(), new ConversionStats());
    }
}
