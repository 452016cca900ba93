package org.sdvp.viper.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.StepFailure;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.ProgramError;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import org.sdvp.viper.api.ImagePatchApi;
import org.sdvp.viper.api.Prelude;
import org.sdvp.viper.api.StepRecorder;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.sandbox.SandboxLimits;
import org.sdvp.viper.sandbox.Watchdog;

/**
 * Runs ViperGPT-style programs: {@code def execute_command(image)} for single-image tasks, or
 * {@code def execute_command(left, right)} for image pairs (arguments in the order {@code IMAGE}, then
 * {@code LEFT}, {@code RIGHT}, then any other initial image), each argument an {@code ImagePatch} of the
 * whole image.
 *
 * <p>Each run gets a fresh sandboxed context on the shared engine, the API prelude, a CPU-time limit and a
 * wall-clock watchdog. A program that does not compile (syntax error, or no {@code execute_command})
 * is replaced by a fixed fallback that asks the question of the whole first image, as ViperGPT does, and
 * the run is flagged; without a question it is rejected with {@link InvalidProgramException}. A program
 * that raises, or is stopped by a limit, yields an {@link Execution} with a failure: the caller's run goes
 * on. Thread-safe: many programs may run at once, one context each.
 */
public final class ViperRunner {
    /** Runs when a program does not compile; the question comes from a binding, never from source text. */
    public static final String FALLBACK_PROGRAM = """
            def execute_command(image, *more_images):
                return ImagePatch(image).simple_query(_fallback_question)
            """;
    private static final Source FALLBACK = PythonSandbox.cachedSource("fallback.py", FALLBACK_PROGRAM);
    private static final Pattern DEFINES_ENTRY = Pattern.compile("(?m)^def\\s+execute_command\\s*\\(");
    private static final List<String> ARGUMENT_ORDER = List.of("IMAGE", "LEFT", "RIGHT");

    private final PythonSandbox sandbox;
    private final SandboxLimits limits;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();

    public ViperRunner(PythonSandbox sandbox, SandboxLimits limits) {
        this.sandbox = sandbox;
        this.limits = limits;
    }

    public ViperRunner(PythonSandbox sandbox) { this(sandbox, sandbox.limits()); }

    /** Programs run so far. */
    public long runCount() { return runs.get(); }

    /** Programs that did not compile and were replaced by the fallback program. */
    public long fallbackCount() { return fallbacks.get(); }

    /**
     * Runs {@code source} on the initial images.
     *
     * @param question the question, for the fallback program; empty to reject a non-compiling program instead
     * @throws InvalidProgramException only when the program does not compile and there is no question
     */
    public ViperRun run(String source, Map<String, Value> initial, ModelGateway gateway, Optional<String> question)
            throws InvalidProgramException {
        List<ImageValue> images = arguments(initial);
        runs.incrementAndGet();
        StepRecorder recorder = new StepRecorder(gateway);
        ImagePatchApi api = new ImagePatchApi(recorder);
        String ran = source;
        boolean fallback = false;
        Context ctx = sandbox.newContext(limits);
        Watchdog.Guard guard = sandbox.watchdog().watch(ctx, Thread.currentThread(), limits);
        try {
            org.graalvm.polyglot.Value bindings = ctx.getBindings(PythonSandbox.LANGUAGE);
            bindings.putMember(Prelude.BRIDGE_BINDING, api);
            ctx.eval(Prelude.source());
            Optional<ProgramError> compileError = load(ctx, bindings, source);
            if (compileError.isPresent()) {
                if (question.isEmpty()) throw new InvalidProgramException(List.of(compileError.get()));
                fallback = true;
                fallbacks.incrementAndGet();
                ran = "# fallback: the program did not compile: " + compileError.get().format().replace('\n', ' ')
                        + "\n" + FALLBACK_PROGRAM;
                bindings.putMember("_fallback_question", question.get());
                ctx.eval(FALLBACK);
            }
            org.graalvm.polyglot.Value makePatch = bindings.getMember("_patch");
            Object[] args = new Object[images.size()];
            for (int i = 0; i < args.length; i++) args[i] = makePatch.execute(api.addRoot(images.get(i)));
            org.graalvm.polyglot.Value out = bindings.getMember("execute_command").execute(args);
            Value result = new ResultConverter(bindings, api).convert(out);
            Optional<StepFailure> failure = failureWins(guard, recorder);
            Trace trace = new Trace(ran, initial, recorder.steps());
            return new ViperRun(new Execution(failure.isPresent() ? Optional.empty() : Optional.of(result), trace,
                    failure), fallback);
        } catch (PolyglotException e) {
            StepFailure failure = failureWins(guard, recorder).orElseGet(() -> Failures.of(e, recorder.size()));
            return new ViperRun(new Execution(Optional.empty(), new Trace(ran, initial, recorder.steps()),
                    Optional.of(failure)), fallback);
        } finally {
            guard.close();
            try {
                ctx.close(true);
            } catch (RuntimeException alreadyClosing) {
                // The watchdog is closing it on its own thread.
            }
            // A watchdog interrupt must not leak into the caller's next program.
            Thread.interrupted();
        }
    }

    /**
     * Checks that {@code source} parses and defines {@code execute_command}, without running it.
     *
     * @throws InvalidProgramException with the syntax error's line and column
     */
    public void check(String source) throws InvalidProgramException {
        try (Context ctx = sandbox.newContext(limits)) {
            Optional<ProgramError> e = syntaxError(ctx, source);
            if (e.isEmpty() && !DEFINES_ENTRY.matcher(source).find()) e = Optional.of(noEntry());
            if (e.isPresent()) throw new InvalidProgramException(List.of(e.get()));
        }
    }

    /** A watchdog verdict first (it explains an interrupted model wait), then a failed model step. */
    private static Optional<StepFailure> failureWins(Watchdog.Guard guard, StepRecorder recorder) {
        Optional<String> cancelled = guard.cancelReason();
        if (cancelled.isPresent()) {
            return Optional.of(new StepFailure(recorder.size(), 0, "sandbox", cancelled.get()));
        }
        return recorder.failure();
    }

    private static Optional<ProgramError> load(Context ctx, org.graalvm.polyglot.Value bindings, String source) {
        Optional<ProgramError> syntax = syntaxError(ctx, source);
        if (syntax.isPresent()) return syntax;
        ctx.eval(programSource(source));
        org.graalvm.polyglot.Value entry = bindings.getMember("execute_command");
        if (entry == null || !entry.canExecute()) return Optional.of(noEntry());
        return Optional.empty();
    }

    private static Optional<ProgramError> syntaxError(Context ctx, String source) {
        try {
            ctx.parse(programSource(source));
            return Optional.empty();
        } catch (PolyglotException e) {
            if (!e.isSyntaxError()) throw e;
            SourceSection at = e.getSourceLocation();
            int line = at != null && at.hasLines() ? at.getStartLine() : 0;
            int column = at != null && at.hasColumns() ? at.getStartColumn() : 0;
            return Optional.of(new ProgramError(line, column, "", "Python syntax error: " + e.getMessage()));
        }
    }

    private static ProgramError noEntry() {
        return new ProgramError(1, 0, "execute_command",
                "the program must define execute_command(image), or execute_command(left, right) for image pairs");
    }

    private static Source programSource(String source) {
        // Not cached: every program is different, and the engine would keep them all.
        return Source.newBuilder(PythonSandbox.LANGUAGE, source, Prelude.PROGRAM_FILE).cached(false).buildLiteral();
    }

    /** The images in argument order: IMAGE, LEFT, RIGHT, then the rest as given. */
    static List<ImageValue> arguments(Map<String, Value> initial) {
        Map<String, Value> ordered = new LinkedHashMap<>();
        for (String name : ARGUMENT_ORDER) if (initial.containsKey(name)) ordered.put(name, initial.get(name));
        initial.forEach(ordered::putIfAbsent);
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
