package org.sdvp.core.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sdvp.core.io.DataException;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.source.ProgramSource;

/**
 * A benchmark: where its examples come from and how answers are scored. World tasks ({@code gqa-sim}, ...)
 * and real datasets ({@code gqa}, {@code nlvr2}, {@code clevr}) are both tasks, found by name through
 * {@link TaskProvider}s.
 */
public interface Task {

    String name();

    /** One line for {@code --help} and listings. */
    String description();

    /** {@code IMAGE}, or {@code LEFT} and {@code RIGHT} for image-pair tasks. */
    Set<String> initialVariables();

    Metric metric();

    /**
     * Opens a split of the data in {@code dataDir}.
     *
     * @throws DataException when the split does not exist (naming the ones found) or a file is malformed
     *                       (naming the file and the position)
     */
    ExampleSource open(Path dataDir, String split) throws DataException;

    /**
     * Opens a split at a {@link ExampleSource#position() position} a source of the same split reported, without
     * reading the questions before it: a worker that runs one part of a large split (Spark's partitions) starts
     * there. Tasks whose sources report no positions need not override it.
     *
     * @throws DataException when the position is not one of this task's, or the split's files changed since
     */
    default ExampleSource open(Path dataDir, String split, String position) throws DataException {
        throw new DataException("task " + name() + " cannot open a split at a position: " + position);
    }

    /**
     * Split-level figures beyond the mean score, e.g. NLVR2's {@code consistency} or GQA's accuracy per
     * structural type, computed once from every question's outcome (in input order) at the end of a run.
     * They go to {@code results.json} and the one-line summary. Most tasks have none.
     *
     * @return name → value; keep the names stable, reports compare them across runs
     */
    default Map<String, Double> aggregates(List<Outcome> outcomes) {
        return Map.of();
    }

    /**
     * Programs the task writes itself for {@code framework}, in that framework's own idioms, instead of the
     * dataset's VisProg programs: a world task's native ViperGPT programs ({@code viper}), written from each
     * question's functional program. {@code --programs native} and distillation's program choice ask here.
     *
     * @return empty when the task has none for that framework (the framework then runs the dataset's
     *         programs, translated if it needs to)
     * @throws DataException when the split cannot be read
     */
    default Optional<ProgramSource> programs(String framework, Path dataDir, String split) throws DataException {
        return Optional.empty();
    }
}
