package org.sdvp.cli.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.OutputLock;
import org.sdvp.models.train.StateOptions;
import picocli.CommandLine.Option;

/**
 * The resume options of the training commands ({@code pretrain}, {@code teacher train}), declared once as a
 * picocli mixin: the training state goes to {@code OUT.state} every {@code --checkpoint-every} steps, a
 * command started again on the same {@code --out} continues from it, {@code --restart} discards it. One
 * process per {@code --out}: the same lock as {@code eval} ({@link OutputLock}).
 */
public final class TrainingResume {
    @Option(
            names = "--checkpoint-every",
            defaultValue = "50",
            paramLabel = "STEPS",
            description = "Save the training state (weights, optimiser, step) to OUT.state every STEPS steps "
                    + "(rounded to the loss curve's windows). A run killed before it finished continues from "
                    + "the newest state when started again with the same options. Default: ${DEFAULT-VALUE}.")
    public int every;

    @Option(
            names = "--restart",
            description = "Discard the saved state of an interrupted run on the same --out and start over.")
    public boolean restart;

    /**
     * Locks {@code out} for this process and returns where its state goes, after discarding it on
     * {@code --restart}. Close the lock after the checkpoint is written.
     *
     * @throws DataException when another process writes {@code out} (exit 2, naming it)
     */
    public Locked open(Path out, String command, PrintWriter err) throws DataException, IOException {
        if (every < 1) throw new DataException("--checkpoint-every must be at least 1, not " + every);
        OutputLock lock = OutputLock.acquire(out, command);
        StateOptions state = StateOptions.beside(out, every);
        try {
            if (restart && Files.exists(state.dir())) {
                deleteTree(state.dir());
                err.println("--restart: discarded the saved training state " + state.dir());
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return new Locked(lock, state);
    }

    /** The lock on {@code --out} and the state options of this run. */
    public record Locked(OutputLock lock, StateOptions state) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lock.close();
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
