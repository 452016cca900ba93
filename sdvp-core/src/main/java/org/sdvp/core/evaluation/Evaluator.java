package org.sdvp.core.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public Evaluator(Task task, Framework framework, ProgramSource programs, ModelGateway gateway, int concurrency,
                     int samples) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
        this.vote = samples == 1 ? null : new SampleVote(samples);
        this.task = task;
        this.framework = framework;
        this.programs = programs;
        this.gateway = gateway;
        this.concurrency = concurrency;
    }

    /**
     * @throws DataException when the example source itself fails mid-run (a file changed or is corrupt
     *                       past the point its opening checked); the run stops, nothing is reported as done
     */
    public EvalResult run(ExampleSource source, String split, Map<String, String> provenance, Listener listener)
            throws InterruptedException, DataException {
        long start = System.nanoTime();
        Map<String, DispatchStats> statsBefore = gateway.stats();
        LongAdder loadNanos = new LongAdder(), programNanos = new LongAdder(), cpuNanos = new LongAdder();
        CpuSlots slots = CpuSlots.perProcessor();
        List<Indexed> results = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> sourceFailure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> {
                try {
                    work(source, next, results, listener, sourceFailure, loadNanos, programNanos, slots);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (CPU.isCurrentThreadCpuTimeSupported()) cpuNanos.add(CPU.getCurrentThreadCpuTime());
                }
            }, "sdvp-eval-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) t.join();
        if (sourceFailure.get() != null) {
            RuntimeException e = sourceFailure.get();
            throw e.getCause() instanceof DataException d ? d
                    : new DataException("reading the examples failed after " + results.size() + " questions: "
                            + e.getMessage(), e);
        }
        results.sort(Comparator.comparingInt(Indexed::index));
        double seconds = (System.nanoTime() - start) / 1e9;
        return summarise(split, results.stream().map(Indexed::outcome).toList(), seconds,
                EvalProfile.counters(statsBefore, gateway.stats(), loadNanos.sum(), programNanos.sum(),
                        cpuNanos.sum()), provenance);
    }

    private record Indexed(int index, Outcome outcome) {}

    private void work(ExampleSource source, AtomicInteger next, List<Indexed> results, Listener listener,
                      AtomicReference<RuntimeException> sourceFailure, LongAdder loadNanos,
                      LongAdder programNanos, CpuSlots slots) throws InterruptedException {
        while (workOne(source, next, results, listener, sourceFailure, loadNanos, programNanos, slots)) {
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }

    /** Runs the next question; false when there is none (or the source failed). */
    private boolean workOne(ExampleSource source, AtomicInteger next, List<Indexed> results, Listener listener,
                            AtomicReference<RuntimeException> sourceFailure, LongAdder loadNanos,
                            LongAdder programNanos, CpuSlots slots) {
        Example ex;
        int index;
        synchronized (source) {
            // after a failure of the source every worker stops: what follows it cannot be trusted
            if (sourceFailure.get() != null) return false;
            try {
                if (!source.hasNext()) return false;
                ex = source.next();
            } catch (RuntimeException e) {
                sourceFailure.set(e);
                return false;
            }
            index = next.getAndIncrement();
        }
        Optional<Execution> execution = Optional.empty();
        QuestionResult r;
        try {
            Execution e = runOne(ex, loadNanos, programNanos, slots);
            execution = Optional.of(e);
            r = score(ex, e);
        } catch (InvalidProgramException e) {
            r = failed(ex, "invalid program: " + e.getMessage().replace('\n', ' '));
        } catch (ProgramSourceException | DataException e) {
            r = failed(ex, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r = failed(ex, "interrupted");
        } catch (RuntimeException e) {
            r = failed(ex, "internal error: " + e);
        }
        synchronized (results) {
            results.add(new Indexed(index, new Outcome(r, ex.meta())));
        }
        if (listener != null) listener.questionDone(ex, r, execution);
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
                if (sampled != null) return vote.run(sampled, p -> framework.execute(p, initial, gateway, ex.question()));
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
            return new QuestionResult(ex.id(), ex.type(), ex.question(), null, gold, 0, e.failure().get().format());
        }
        Value prediction = e.result().orElseThrow();
        double s = ex.gold().map(g -> task.metric().score(prediction, g)).orElse(0.0);
        return new QuestionResult(ex.id(), ex.type(), ex.question(), prediction.display(), gold, s, null);
    }

    private static QuestionResult failed(Example ex, String why) {
        return new QuestionResult(ex.id(), ex.type(), ex.question(), null,
                ex.gold().map(Value::display).orElse(null), 0, why);
    }

    private EvalResult summarise(String split, List<Outcome> outcomes, double seconds, Map<String, Long> batching,
                                 Map<String, String> provenance) {
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
        return new EvalResult(task.name(), split, framework.name(), gateway.name(), task.metric().name(),
                all.size(), score, errors, byType, misses, seconds, batching, programs.stats(), provenance,
                task.aggregates(outcomes), vote == null ? Map.of() : vote.summary());
    }
}
