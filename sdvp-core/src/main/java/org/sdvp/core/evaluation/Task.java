package org.sdvp.core.evaluation;

import java.nio.file.Path;
import java.util.Set;
import org.sdvp.core.io.DataException;

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
}
