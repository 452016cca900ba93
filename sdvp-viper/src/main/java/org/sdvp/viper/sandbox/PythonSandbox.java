package org.sdvp.viper.sandbox;

import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One shared GraalPy engine and the factory for the locked-down contexts programs run in.
 *
 * <p>Sharing the engine shares parsed code (sources built with {@code cached(true)}) and warm interpreter
 * state, so a new context costs tens of milliseconds instead of seconds. Each program still gets a
 * fresh context: nothing a program does (monkey-patching builtins, globals) can reach the next one.
 *
 * <p>What a context may do: run Python and call the {@code @HostAccess.Export} methods of host objects
 * put into its bindings. What it may not: file or socket IO, environment variables, host classes
 * ({@code java.type}), processes, threads, native code (ctypes), other languages. CPU time and stack
 * depth are limited by GraalPy's sandbox options; wall-clock time and allocation by the {@link Watchdog}.
 *
 * <p>Thread-safe: any thread may create contexts; a context is used by one thread at a time.
 */
public final class PythonSandbox implements AutoCloseable {
    public static final String LANGUAGE = "python";

    private final Engine engine;
    private final SandboxLimits limits;
    private final Watchdog watchdog = new Watchdog();
    private final long coldStartMillis;

    /** Builds the engine and warms it with one throw-away context (the ~3 s cold start happens here). */
    public PythonSandbox(SandboxLimits limits) {
        this.limits = limits;
        long start = System.nanoTime();
        this.engine = Engine.newBuilder(LANGUAGE)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
        // The first context initialises the language; run it without the CPU limit, which would count it.
        try (Context warm = builder().build()) {
            warm.eval(LANGUAGE, "0");
        }
        this.coldStartMillis = (System.nanoTime() - start) / 1_000_000;
    }

    public PythonSandbox() {
        this(SandboxLimits.defaults());
    }

    /**
     * The process-wide sandbox with default limits, built on first use. Everything in one JVM should share
     * it: an engine costs seconds to warm and tens of MiB to keep.
     */
    public static PythonSandbox shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        // Holder idiom: built on first call, never at class-load time of PythonSandbox.
        static final PythonSandbox INSTANCE = new PythonSandbox();
    }

    public SandboxLimits limits() {
        return limits;
    }

    public Watchdog watchdog() {
        return watchdog;
    }

    /** How long building and warming the engine took. */
    public long coldStartMillis() {
        return coldStartMillis;
    }

    /** A fresh sandboxed context with this sandbox's CPU and stack limits. The caller closes it. */
    public Context newContext() {
        return newContext(limits);
    }

    /** A fresh sandboxed context with other limits (tests use short ones). */
    public Context newContext(SandboxLimits l) {
        return builder()
                .option("sandbox.MaxCPUTime", l.cpuTime().toMillis() + "ms")
                .option("sandbox.MaxStackFrames", Integer.toString(l.maxStackFrames()))
                .build();
    }

    /**
     * A source parsed once per engine and shared by every context (the API prelude). The name becomes the
     * Python file name, which the prelude uses to find the program's line in a stack.
     */
    public static Source cachedSource(String name, String text) {
        return Source.newBuilder(LANGUAGE, text, name).cached(true).buildLiteral();
    }

    private Context.Builder builder() {
        return Context.newBuilder(LANGUAGE)
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowHostClassLookup(name -> false)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowExperimentalOptions(false)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .in(java.io.InputStream.nullInputStream());
    }

    @Override
    public void close() {
        watchdog.close();
        engine.close(true);
    }
}
