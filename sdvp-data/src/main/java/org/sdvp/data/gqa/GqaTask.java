package org.sdvp.data.gqa;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sdvp.core.evaluation.Outcome;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.io.DataException;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.metric.Metric;
import org.sdvp.data.json.Cut;
import org.sdvp.data.json.ObjectEntries;
import org.sdvp.data.metric.GqaBreakdown;
import org.sdvp.data.program.ConversionStats;

/**
 * {@code --dataset gqa}: a GQA questions split ({@code testdev_balanced}, {@code val_all}, ...) under a root
 * laid out as in {@link GqaLayout}, scored by exact match after VQA normalisation. Opening a split reads
 * its file(s) once, token by token, to count the questions and check the syntax: a syntax error with content
 * after it is reported (file, line, column) before anything runs. Then entries are streamed. An entry that
 * breaks the schema (a field of the wrong type, a missing {@code question} or {@code imageId}) becomes that
 * question's error ({@link org.sdvp.data.json.Entries}); so does the end of a truncated file ({@link Cut}),
 * after every complete entry before it.
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
        Map<Path, Cut.Scan> files = new LinkedHashMap<>();
        for (Path f : layout.questionFiles(split)) files.put(f, ObjectEntries.scan(f)); // checks the syntax
        return new GqaExampleSource(files, layout, new GqaProgramConverter(), new ConversionStats());
    }
}
