package org.sdvp.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Images;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.CpuSlots;
import org.sdvp.core.service.DispatchStats;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.source.ProgramSamples;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.core.value.Value;

/**
 * Runs a task's questions through a framework, many programs at once so that their model calls batch in
 * the shared gateway, and scores the answers. A question that fails (no program, invalid program, failing
 * step, unreadable image) is recorded with its reason and scores 0; the run goes on.
 *
 * <p>Examples are pulled from the source one at a time, so memory stays bounded by the concurrency.
 */
public final class Evaluator {

    /** Called after each question (from worker threads). */
    public interface Listener {
        void questionDone(Example example, QuestionResult result, Optional<Execution> execution);
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final Task task;
    private final Framework framework;
    private final ProgramSource programs;
    private final ModelGateway gateway;
    private final int concurrency;
    /** Null for one program per question; otherwise the vote over {@code --samples K} programs. */
    private final SampleVote vote;

    public Evaluator(Task task, Framework framework, ProgramSource programs, ModelGateway gateway, int concurrency) {
        this(task, framework, programs, gateway, concurrency, 1);
    }

    /**
     * @param samples programs per question: 1, or K to run K sampled programs and answer by majority
     *                ({@link SampleVote}; the source must sample, see {@link ProgramSource#samplesFor})
     */
    public Evaluator(
            Task task,
            Framework framework,
            ProgramSource programs,
            ModelGateway gateway,
            int concurrency,
            int samples) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
        this.vote = samples == 1 ? null : new SampleVote(samples);
        this.task = task;
        this.framework = framework;
        this.programs = programs;
        this.gateway = gateway;
        this.concurrency = concurrency;
    }

    /** What a command keeps of each question beyond its outcome, in the {@link RunJournal} (may return null). */
    public interface Recorder {
        JsonNode record(Example example, QuestionResult result, Optional<Execution> execution);
    }

    /** As {@link #run(ExampleSource, String, Map, Listener, RunJournal, Recorder)} without a journal. */
    public EvalResult run(ExampleSource source, String split, Map<String, String> provenance, Listener listener)
            throws InterruptedException, DataException {
        return run(source, split, provenance, listener, RunJournal.none(), (ex, r, e) -> null);
    }

    /**
     * Runs every question of {@code source} except those {@code journal} restored from an interrupted run
     * (their outcomes are taken as recorded), appending each new one to the journal as it finishes;
     * {@code listener} sees only the new ones.
     *
     * @throws DataException when the example source itself fails mid-run (a file changed or is corrupt
     *                       past the point its opening checked), or the journal does not match the data;
     *                       the run stops, nothing is reported as done
     * @throws java.io.UncheckedIOException when the journal cannot be written (disk full): the run stops;
     *                       what the journal holds stays valid for a later resume
     */
    public EvalResult run(
            ExampleSource source,
            String split,
            Map<String, String> provenance,
            Listener listener,
            RunJournal journal,
            Recorder recorder)
            throws InterruptedException, DataException {
        long start = System.nanoTime();
        Map<String, DispatchStats> statsBefore = gateway.stats();
        State state = new State(source, listener, journal, recorder);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(
                    () -> {
                        try {
                            while (workOne(state)) {
                                if (Thread.interrupted()) throw new InterruptedException();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            if (CPU.isCurrentThreadCpuTimeSupported())
                                state.cpuNanos.add(CPU.getCurrentThreadCpuTime());
                        }
                    },
                    "sdvp-eval-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) t.join();
        Exception failure = state.failure.get();
        if (failure instanceof DataException d) throw d;
        if (failure instanceof JournalFailure io) throw io;
        if (failure != null) {
            throw failure.getCause() instanceof DataException d
                    ? d
                    : new DataException(
                            "reading the examples failed after " + state.results.size() + " questions: "
                                    + failure.getMessage(),
                            failure);
        }
        state.results.sort(Comparator.comparingInt(Indexed::index));
        double seconds = (System.nanoTime() - start) / 1e9;
        return summarise(
                task,
                split,
                framework.name(),
                gateway.name(),
                state.results.stream().map(Indexed::outcome).toList(),
                seconds,
                EvalProfile.counters(
                        statsBefore,
                        gateway.stats(),
                        state.loadNanos.sum(),
                        state.programNanos.sum(),
                        state.cpuNanos.sum()),
                programs.stats(),
                provenance,
                vote == null ? Map.of() : vote.summary());
    }

    private record Indexed(int index, Outcome outcome) {}

    /** The journal could not be written (disk full): distinct from a failing example source. */
    private static final class JournalFailure extends java.io.UncheckedIOException {
        JournalFailure(String message, java.io.IOException cause) {
            super(message, cause);
        }
    }

    /** What the worker threads of one run share. */
    private static final class State {
        final ExampleSource source;
        final Listener listener;
        final RunJournal journal;
        final Recorder recorder;
        final List<Indexed> results = new ArrayList<>();
        final AtomicInteger next = new AtomicInteger();
        /** the source's, the journal's or the data-versus-journal failure: every worker stops */
        final AtomicReference<Exception> failure = new AtomicReference<>();

        final LongAdder loadNanos = new LongAdder(), programNanos = new LongAdder(), cpuNanos = new LongAdder();
        final CpuSlots slots = CpuSlots.perProcessor();

        State(ExampleSource source, Listener listener, RunJournal journal, Recorder recorder) {
            this.source = source;
            this.listener = listener;
            this.journal = journal;
            this.recorder = recorder;
        }
    }

    /** Runs (or restores) the next question; false when there is none or the run failed. */
    private boolean workOne(State s) {
        Example ex;
        int index;
        synchronized (s.source) {
            // after a failure every worker stops: what follows it cannot be trusted
            if (s.failure.get() != null) return false;
            try {
                if (!s.source.hasNext()) return false;
                ex = s.source.next();
            } catch (RuntimeException e) {
                s.failure.set(e);
                return false;
            }
            index = s.next.getAndIncrement();
        }
        RunJournal.Entry done = s.journal.restored().get(index);
        if (done != null) {
            if (!done.outcome().result().id().equals(ex.id())) {
                s.failure.compareAndSet(
                        null,
                        new DataException("the run journal does not match the data: question "
                                + index + " is '" + ex.id() + "' but the journal recorded '"
                                + done.outcome().result().id()
                                + "' (the data changed?); add --restart to start over"));
                return false;
            }
            synchronized (s.results) {
                s.results.add(new Indexed(index, done.outcome()));
            }
            return true;
        }
        Optional<Execution> execution = Optional.empty();
        QuestionResult r;
        try {
            if (ex.problem().isPresent()) throw ex.problem().get();
            Execution e = runOne(ex, s.loadNanos, s.programNanos, s.slots);
            execution = Optional.of(e);
            r = score(ex, e);
        } catch (InvalidProgramException e) {
            r = failed(ex, "invalid program: " + e.getMessage().replace('\n', ' '), QuestionResult.INVALID_PROGRAM);
        } catch (ProgramSourceException e) {
            r = failed(ex, e.getMessage(), QuestionResult.NO_PROGRAM);
        } catch (DataException e) {
            r = failed(ex, e.getMessage(), e.kind().code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = failed(ex, "interrupted", QuestionResult.INTERRUPTED);
        } catch (RuntimeException | StackOverflowError e) {
            r = failed(ex, "internal error: " + e, QuestionResult.INTERNAL_ERROR);
        }
        Outcome outcome = new Outcome(r, ex.meta());
        if (!Thread.currentThread().isInterrupted()) { // an interrupted question is not done: not journalled
            try {
                s.journal.append(new RunJournal.Entry(index, outcome, s.recorder.record(ex, r, execution)));
            } catch (java.io.IOException e) {
                s.failure.compareAndSet(
                        null,
                        new JournalFailure(
                                "writing the run journal failed ("
                                        + e.getMessage()
                                        + "); the questions recorded so far are kept: free space and run the same "
                                        + "command again to continue",
                                e));
                return false;
            }
        }
        synchronized (s.results) {
            s.results.add(new Indexed(index, outcome));
        }
        if (s.listener != null) s.listener.questionDone(ex, r, execution);
        return true;
    }

    /**
     * Fetches the program (an LLM may take a while: no CPU slot held), then loads the images and runs it
     * holding a CPU slot, which the model calls give back while they wait.
     */
    private Execution runOne(Example ex, LongAdder loadNanos, LongAdder programNanos, CpuSlots slots)
            throws ProgramSourceException, DataException, InvalidProgramException, InterruptedException {
        ProgramSamples sampled = vote == null ? null : programs.samplesFor(ex, vote.samples());
        String program = vote == null ? programs.programFor(ex) : null;
        slots.enter();
        try {
            long t0 = System.nanoTime();
            Map<String, Value> initial = new LinkedHashMap<>();
            for (var image : ex.images().entrySet()) initial.put(image.getKey(), Images.load(image.getValue()));
            long t1 = System.nanoTime();
            loadNanos.add(t1 - t0);
            try {
                if (sampled != null)
                    return vote.run(sampled, p -> framework.execute(p, initial, gateway, ex.question()));
                return framework.execute(program, initial, gateway, ex.question());
            } finally {
                programNanos.add(System.nanoTime() - t1);
            }
        } finally {
            slots.exit();
        }
    }

    private QuestionResult score(Example ex, Execution e) {
        String gold = ex.gold().map(Value::display).orElse(null);
        if (e.failure().isPresent()) {
            return new QuestionResult(
                    ex.id(),
                    ex.type(),
                    ex.question(),
                    null,
                    gold,
                    0,
                    e.failure().get().format(),
                    Objects.requireNonNullElse(e.failure().get().reason(), QuestionResult.STEP_FAILED));
        }
        Value prediction = e.result().orElseThrow();
        double s = ex.gold().map(g -> task.metric().score(prediction, g)).orElse(0.0);
        return new QuestionResult(ex.id(), ex.type(), ex.question(), prediction.display(), gold, s, null);
    }

    private static QuestionResult failed(Example ex, String why, String reason) {
        return new QuestionResult(
                ex.id(),
                ex.type(),
                ex.question(),
                null,
                ex.gold().map(Value::display).orElse(null),
                0,
                why,
                reason);
    }

    /**
     * The split's result from every question's outcome in input order; also how a distributed run (sdvp-spark)
     * merges its partitions, so both report alike.
     */
    public static EvalResult summarise(
            Task task,
            String split,
            String framework,
            String modules,
            List<Outcome> outcomes,
            double seconds,
            Map<String, Long> batching,
            Map<String, Long> programStats,
            Map<String, String> provenance,
            Map<String, Double> sampling) {
        List<QuestionResult> all = outcomes.stream().map(Outcome::result).toList();
        Map<String, double[]> perType = new TreeMap<>();
        double total = 0;
        int errors = 0;
        List<QuestionResult> misses = new ArrayList<>();
        for (QuestionResult r : all) {
            total += r.score();
            double[] acc = perType.computeIfAbsent(r.type(), k -> new double[2]);
            acc[0]++;
            acc[1] += r.score();
            if (r.failed()) errors++;
            if (r.score() < 1) misses.add(r);
        }
        Map<String, TypeScore> byType = new LinkedHashMap<>();
        perType.forEach((type, acc) -> byType.put(type, new TypeScore((int) acc[0], acc[1] / acc[0])));
        double score = all.isEmpty() ? 0 : total / all.size();
        return new EvalResult(
                task.name(),
                split,
                framework,
                modules,
                task.metric().name(),
                all.size(),
                score,
                errors,
                byType,
                misses,
                seconds,
                batching,
                programStats,
                provenance,
                task.aggregates(outcomes),
                sampling);
    }
}
