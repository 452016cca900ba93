package org.sdvp.viper.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.PolyglotException;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.StepFailure;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.ProgramError;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.value.ImageValue;
import org.sdvp.viper.api.ImagePatchApi;
import org.sdvp.viper.api.LlmQuery;
import org.sdvp.viper.api.StepRecorder;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.sandbox.SandboxLimits;
import org.sdvp.viper.sandbox.Watchdog;

/**
 * Runs ViperGPT-style programs: {@code def execute_command(image)} for single-image tasks, or
 * {@code def execute_command(left, right)} for image pairs (arguments in the order {@code IMAGE}, then
 * {@code LEFT}, {@code RIGHT}, then any other initial image by name), each argument an {@code ImagePatch}
 * of the whole image.
 *
 * <p>Each program runs in its own namespace in a sandboxed context on the shared engine, under a
 * CPU-time limit and a wall-clock and allocation watchdog. A context costs 20–70 ms to create and a
 * program in a warm one a few ms, so contexts are pooled: by default one is reused for up to
 * {@link #DEFAULT_PROGRAMS_PER_CONTEXT} programs, one after another, each in a fresh namespace with its
 * own bridge. A context is closed instead of reused as soon as a program fails the static screen (it
 * could reach state shared with later programs), fails, is stopped by a limit, or changed shared
 * interpreter state after all (session.py, docs/viper.md). {@code programsPerContext = 1} gives every
 * program a fresh context.
 *
 * <p>A program that does not compile (syntax error, or no {@code execute_command}) is replaced by a
 * fixed fallback that asks the question of the whole first image, as ViperGPT does, and the run is
 * flagged; without a question it is rejected with {@link InvalidProgramException}. A program that raises,
 * or is stopped by a limit, yields an {@link Execution} with a failure: the caller's run goes on.
 * Thread-safe: many programs may run at once, each in its own context.
 */
public final class ViperRunner implements AutoCloseable {
    /** Shown in the trace when the fallback ran (the program text itself lives in session.py). */
    public static final String FALLBACK_PROGRAM = """
            def execute_command(image, *more_images):
                return ImagePatch(image).simple_query(_fallback_question)
            """;

    private static final List<String> ARGUMENT_ORDER = List.of("IMAGE", "LEFT", "RIGHT");
    /** Programs per pooled context by default; a bound on how long any one context lives. */
    public static final int DEFAULT_PROGRAMS_PER_CONTEXT = 100;

    private final PythonSandbox sandbox;
    private final SandboxLimits limits;
    private final int programsPerContext;
    private final LlmQuery llm;
    private final boolean screened;
    /** Idle reusable sessions; empty when every program gets a fresh context. */
    private final LinkedBlockingDeque<Session> idle = new LinkedBlockingDeque<>();
    /** Contexts built at the same time, at most (see {@link #session()}). */
    private static final int CREATING = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final Semaphore creating = new Semaphore(CREATING);
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong contexts = new AtomicLong();
    private final AtomicLong unscreened = new AtomicLong();
    private final StaticCheck staticCheck;

    /**
     * @param programsPerContext 1 for a fresh context per program; more to reuse a pooled context for up
     *                           to that many programs in turn ({@link #DEFAULT_PROGRAMS_PER_CONTEXT})
     */
    public ViperRunner(PythonSandbox sandbox, SandboxLimits limits, int programsPerContext) {
        this(sandbox, limits, programsPerContext, null);
    }

    /** @param llm answers {@code llm_query}; null: {@code llm_query} raises "not configured" */
    public ViperRunner(PythonSandbox sandbox, SandboxLimits limits, int programsPerContext, LlmQuery llm) {
        this(sandbox, limits, programsPerContext, llm, true);
    }

    /** @param screened false only for tests of the after-program state check alone */
    ViperRunner(PythonSandbox sandbox, SandboxLimits limits, int programsPerContext, LlmQuery llm, boolean screened) {
        if (programsPerContext < 1) throw new IllegalArgumentException("programsPerContext must be >= 1");
        this.screened = screened;
        this.sandbox = sandbox;
        this.limits = limits;
        this.programsPerContext = programsPerContext;
        this.llm = llm;
        this.staticCheck = StaticCheck.of(sandbox);
    }

    public ViperRunner(PythonSandbox sandbox, SandboxLimits limits) {
        this(sandbox, limits, DEFAULT_PROGRAMS_PER_CONTEXT);
    }

    public ViperRunner(PythonSandbox sandbox) {
        this(sandbox, sandbox.limits());
    }

    /** Programs run so far. */
    public long runCount() {
        return runs.get();
    }

    /** Programs that did not compile and were replaced by the fallback program. */
    public long fallbackCount() {
        return fallbacks.get();
    }

    /** Contexts created so far (equal to {@link #runCount()} without reuse). */
    public long contextCount() {
        return contexts.get();
    }

    /** Programs that failed the reuse screen, so their context was closed after them. */
    public long unscreenedCount() {
        return unscreened.get();
    }

    /**
     * Runs {@code source} on the initial images.
     *
     * @param question the question, for the fallback program; empty to reject a non-compiling program instead
     * @throws InvalidProgramException only when the program does not compile and there is no question
     */
    public ViperRun run(
            String source,
            Map<String, org.sdvp.core.value.Value> initial,
            ModelGateway gateway,
            Optional<String> question)
            throws InvalidProgramException {
        List<ImageValue> images = arguments(initial);
        runs.incrementAndGet();
        StepRecorder recorder = new StepRecorder(gateway);
        ImagePatchApi api = new ImagePatchApi(recorder, llm);
        String ran = source;
        boolean fallback = false;
        boolean reusable = false;
        Session session = session();
        Watchdog.Guard guard = sandbox.watchdog().watch(session.context(), Thread.currentThread(), limits);
        try {
            session.begin(api);
            Optional<ProgramError> compileError = session.load(source);
            if (session.unscreened().isPresent()) unscreened.incrementAndGet();
            if (compileError.isPresent()) {
                if (question.isEmpty()) throw new InvalidProgramException(List.of(compileError.get()));
                fallback = true;
                fallbacks.incrementAndGet();
                ran = "# fallback: the program did not compile: "
                        + compileError.get().format().replace('\n', ' ') + "\n" + FALLBACK_PROGRAM;
                session.loadFallback(question.get());
            }
            Object[] args = new Object[images.size()];
            for (int i = 0; i < args.length; i++) args[i] = session.patch(api.addRoot(images.get(i)));
            org.sdvp.core.value.Value result = session.converter(api).convert(session.call(args));
            Optional<StepFailure> failure = failureWins(guard, recorder);
            reusable = failure.isEmpty();
            Trace trace = new Trace(ran, initial, recorder.steps());
            return new ViperRun(
                    new Execution(failure.isPresent() ? Optional.empty() : Optional.of(result), trace, failure),
                    fallback);
        } catch (PolyglotException e) {
            StepFailure failure = failureWins(guard, recorder).orElseGet(() -> Failures.of(e, recorder.size()));
            return new ViperRun(
                    new Execution(Optional.empty(), new Trace(ran, initial, recorder.steps()), Optional.of(failure)),
                    fallback);
        } finally {
            recorder.end();
            guard.close();
            release(session, reusable && guard.cancelReason().isEmpty());
            // A watchdog interrupt must not leak into the caller's next program.
            Thread.interrupted();
        }
    }

    /**
     * An idle pooled context, or a new one. At most {@link #CREATING} contexts are built at once: when
     * many programs start together (an evaluation's workers), the rest wait for one to come back to the
     * pool instead of each building its own, which on a busy machine costs seconds of CPU per context
     * while the interpreter is cold. More contexts are still built while all are busy (programs waiting
     * for model batches keep theirs), just not all at once.
     */
    private Session session() {
        for (; ; ) {
            Session s = idle.pollFirst();
            if (s != null) return s;
            if (creating.tryAcquire()) {
                try {
                    contexts.incrementAndGet();
                    return Session.open(sandbox, limits, programsPerContext);
                } finally {
                    creating.release();
                }
            }
            try {
                s = idle.pollFirst(5, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a sandbox context", e);
            }
            if (s != null) return s;
        }
    }

    private void release(Session s, boolean healthy) {
        boolean keep = false;
        try {
            keep = healthy && programsPerContext > 1 && s.finish(screened);
        } catch (RuntimeException e) {
            // A context that cannot even report its state is not reused.
        }
        if (keep) idle.addFirst(s);
        else s.close();
    }

    /**
     * Builds up to {@code n} contexts into the pool ahead of the first programs (at most as many as a pooled
     * runner keeps). Meant for a background thread while the caller loads data and models: the engine's
     * cold start and the first contexts then overlap with that work.
     */
    public void prewarm(int n) {
        staticCheck.prewarm();
        if (programsPerContext < 2) return;
        for (int i = 0; i < n; i++) {
            if (!creating.tryAcquire()) return;
            try {
                contexts.incrementAndGet();
                idle.addLast(Session.open(sandbox, limits, programsPerContext));
            } finally {
                creating.release();
            }
        }
    }

    /** Closes the idle reusable contexts (the shared engine stays). */
    @Override
    public void close() {
        for (Session s; (s = idle.pollFirst()) != null; ) s.close();
    }

    /**
     * Checks {@code source} completely without running it ({@link StaticCheck}): it parses, defines
     * {@code execute_command} with one parameter per image, calls only API functions and methods that exist
     * with a valid number of arguments, and passes the {@link ProgramScreen}.
     *
     * @param images the number of images {@code execute_command} receives
     * @throws InvalidProgramException with every problem and its line
     */
    public void check(String source, int images) throws InvalidProgramException {
        staticCheck.check(source, images);
    }

    /** A watchdog verdict first (it explains an interrupted model wait), then a failed model step. */
    private static Optional<StepFailure> failureWins(Watchdog.Guard guard, StepRecorder recorder) {
        Optional<String> cancelled = guard.cancelReason();
        if (cancelled.isPresent()) {
            return Optional.of(new StepFailure(recorder.size(), 0, "sandbox", cancelled.get()));
        }
        return recorder.failure();
    }

    /** The images in argument order: IMAGE, LEFT, RIGHT, then the rest by name (as VisProgTranslator). */
    static List<ImageValue> arguments(Map<String, org.sdvp.core.value.Value> initial) {
        Map<String, org.sdvp.core.value.Value> ordered = new LinkedHashMap<>();
        for (String name : ARGUMENT_ORDER) if (initial.containsKey(name)) ordered.put(name, initial.get(name));
        new java.util.TreeMap<>(initial).forEach(ordered::putIfAbsent);
        List<ImageValue> images = new ArrayList<>();
        ordered.forEach((name, v) -> {
            if (!(v instanceof ImageValue img)) {
                throw new IllegalArgumentException("initial variable " + name + " must be an image, not "
                        + v.type().describe());
            }
            images.add(img);
        });
        if (images.isEmpty()) throw new IllegalArgumentException("a ViperGPT program needs at least one image");
        return images;
    }
}
