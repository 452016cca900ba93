package org.sdvp.cli.distill;

import java.io.IOException;
import java.nio.file.Path;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.DataException;
import org.sdvp.world.task.WorldTaskSpec;

/** Checks a real dataset's split before a command writes anything: its reader opens it, or says what it found. */
final class DatasetSplits {
    private DatasetSplits() {}

    /** Whether {@code task} is a real dataset (gqa, nlvr2, clevr, ...) rather than a world task. */
    static boolean isDataset(String task) {
        return !WorldTaskSpec.isWorldTask(task);
    }

    /**
     * Opens {@code dataset}'s {@code split} under {@code root} and closes it again.
     *
     * @param option the option the folder came from, for the message ({@code --root}, {@code --replay-root})
     * @throws DataException a missing root, an unknown split or an unreadable questions file, named
     */
    static void check(String option, String dataset, Path root, String split) throws DataException {
        try (ExampleSource opened = Tasks.find(dataset).open(root, split)) {
            opened.size(); // opened only to check that the split exists and reads
        } catch (DataException e) {
            throw new DataException(e.kind(), option + " " + root + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataException(option + " " + root + ": " + e.getMessage(), e);
        }
    }
}
