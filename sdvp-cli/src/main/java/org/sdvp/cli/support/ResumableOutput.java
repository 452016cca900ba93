package org.sdvp.cli.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sdvp.core.evaluation.RunJournal;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.OutputLock;

/**
 * The output side of a long benchmark command ({@code eval}, {@code collect}): the lock that makes this
 * process the only writer of {@code --out}, and the journal that lets a killed run continue. Close it
 * always; call {@link #finished()} only after the outputs are written (that deletes the journal).
 */
public final class ResumableOutput implements AutoCloseable {
    private final OutputLock lock;
    private final RunJournal journal;

    private ResumableOutput(OutputLock lock, RunJournal journal) {
        this.lock = lock;
        this.journal = journal;
    }

    /** Locks {@code out} and opens (or continues) its journal; says on {@code err} when it continues. */
    public static ResumableOutput open(String command, Path out, BenchmarkOptions o, PrintWriter err)
            throws DataException, IOException {
        OutputLock lock = OutputLock.acquire(out, "sdvp " + command + " --task " + o.task + " --split " + o.split
                + " --out " + out);
        try {
            RunJournal journal = RunJournal.open(RunJournal.beside(out), run(command, o), o.restart);
            if (!journal.restored().isEmpty()) {
                err.println("resuming: " + journal.restored().size() + " questions already done (journal "
                        + RunJournal.beside(out) + "; --restart starts over)");
            }
            return new ResumableOutput(lock, journal);
        } catch (DataException | IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** What makes two runs the same run: everything that changes an answer, not how fast it comes. */
    private static Map<String, String> run(String command, BenchmarkOptions o) {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("command", command);
        run.put("task", o.task);
        run.put("split", o.split);
        run.put("framework", o.framework);
        run.put("modules", String.valueOf(o.modules));
        run.putAll(o.provenance());
        run.remove("concurrency");
        run.remove("maxBatch");
        run.remove("java");
        return run;
    }

    public RunJournal journal() { return journal; }

    /** The outputs are written: the journal has served. */
    public void finished() throws IOException { journal.finish(); }

    @Override
    public void close() throws IOException {
        try {
            journal.close();
        } finally {
            lock.close();
        }
    }
}
