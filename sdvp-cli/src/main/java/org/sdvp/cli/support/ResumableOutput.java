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
 *
 * <p>{@link #deferred} opens nothing yet: {@link BenchmarkRun} opens it once the task, its data, the programs
 * and the backends have opened, so a refused model or a missing folder leaves nothing beside {@code --out}
 * (the lock file, once created, stays by design: {@link OutputLock}).
 */
public final class ResumableOutput implements AutoCloseable {
    private final String command;
    private final Path out;
    private final BenchmarkOptions options;
    private final PrintWriter err;
    private OutputLock lock;
    private RunJournal journal;

    private ResumableOutput(String command, Path out, BenchmarkOptions options, PrintWriter err) {
        this.command = command;
        this.out = out;
        this.options = options;
        this.err = err;
    }

    /** The output of a run, not locked or journalled until {@link #begin()}: pass it to {@link BenchmarkRun#run}. */
    public static ResumableOutput deferred(String command, Path out, BenchmarkOptions o, PrintWriter err) {
        return new ResumableOutput(command, out, o, err);
    }

    /** Locks the output and opens (or continues) its journal, saying on {@code err} when it continues; a second call does nothing. */
    void begin() throws DataException, IOException {
        if (lock != null) return;
        BenchmarkOptions o = options;
        OutputLock lock = OutputLock.acquire(
                out, "sdvp " + command + " --task " + o.task + " --split " + o.split + " --out " + out);
        try {
            RunJournal opened = RunJournal.open(RunJournal.beside(out), run(command, o), o.restart);
            if (!opened.restored().isEmpty()) {
                err.println("resuming: " + opened.restored().size() + " questions already done (journal "
                        + RunJournal.beside(out) + "; --restart starts over)");
            }
            this.lock = lock;
            this.journal = opened;
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

    /** The run's journal, once {@link #begin() begun}. */
    public RunJournal journal() {
        if (journal == null) throw new IllegalStateException("the output " + out + " is not open yet");
        return journal;
    }

    /** The outputs are written: the journal has served. */
    public void finished() throws IOException {
        journal().finish();
    }

    @Override
    public void close() throws IOException {
        if (lock == null) return; // never begun: nothing was written
        try {
            journal.close();
        } finally {
            lock.close();
        }
    }
}
