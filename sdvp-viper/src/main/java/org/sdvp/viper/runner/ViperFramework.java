package org.sdvp.viper.runner;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.value.Value;
import org.sdvp.viper.api.LlmQuery;
import org.sdvp.viper.convert.VisProgTranslator;
import org.sdvp.viper.sandbox.PythonSandbox;

/**
 * The {@code viper} framework: ViperGPT-style Python programs run by a {@link ViperRunner} in the GraalPy
 * sandbox, registered through {@link ViperFrameworkProvider}. Constructors are cheap: the shared engine is
 * built on the first program. Thread-safe.
 */
public final class ViperFramework implements Framework {
    public static final String NAME = "viper";

    private final PythonSandbox given;
    private final int programsPerContext;
    private final LlmQuery llm;
    private volatile ViperRunner runner;

    /** Pooled contexts (the default reuse) on the process-wide {@link PythonSandbox#shared() shared sandbox}. */
    public ViperFramework() {
        this(null, ViperRunner.DEFAULT_PROGRAMS_PER_CONTEXT);
    }

    /** @param programsPerContext see {@link ViperRunner#ViperRunner(PythonSandbox, org.sdvp.viper.sandbox.SandboxLimits, int)} */
    public ViperFramework(int programsPerContext) {
        this(null, programsPerContext);
    }

    public ViperFramework(PythonSandbox sandbox) {
        this(sandbox, ViperRunner.DEFAULT_PROGRAMS_PER_CONTEXT);
    }

    public ViperFramework(PythonSandbox sandbox, int programsPerContext) {
        this(sandbox, programsPerContext, null);
    }

    /**
     * @param sandbox            null for the process-wide shared sandbox
     * @param llm                answers {@code llm_query}; null: it raises "not configured"
     */
    public ViperFramework(PythonSandbox sandbox, int programsPerContext, LlmQuery llm) {
        if (programsPerContext < 1) throw new IllegalArgumentException("programsPerContext must be >= 1");
        this.given = sandbox;
        this.programsPerContext = programsPerContext;
        this.llm = llm;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A VisProg program: validates and translates it; then the Python is checked completely, every problem
     * with its line (see {@link ViperRunner#check(String, int)}). Nothing runs.
     */
    @Override
    public void check(String source, Set<String> initialVariables) throws InvalidProgramException {
        runner().check(python(source, initialVariables), Math.max(1, initialVariables.size()));
    }

    /**
     * Runs a ViperGPT program, or a VisProg program after {@link VisProgTranslator translating} it (the
     * dataset programs of world tasks come as VisProg). Without the question a program that does not
     * compile is rejected (no fallback is possible).
     */
    @Override
    public Execution execute(String source, Map<String, Value> initial, ModelGateway gateway)
            throws InvalidProgramException {
        return runner().run(python(source, initial.keySet()), initial, gateway, Optional.empty())
                .execution();
    }

    /** A program that does not compile is replaced by {@code simple_query(question)}; see {@link #fallbackCount()}. */
    @Override
    public Execution execute(String source, Map<String, Value> initial, ModelGateway gateway, String question)
            throws InvalidProgramException {
        return runner().run(python(source, initial.keySet()), initial, gateway, Optional.ofNullable(question))
                .execution();
    }

    /** The Python to run: {@code source} itself, or its translation when it is a VisProg program. */
    static String python(String source, Set<String> initialVariables) throws InvalidProgramException {
        return VisProgTranslator.isVisProg(source) ? VisProgTranslator.translate(source, initialVariables) : source;
    }

    /**
     * Starts building the engine and a few pooled contexts on a daemon thread, so that GraalPy's cold start
     * (seconds) overlaps with what the caller does before the first program (reading data, loading models).
     * Harmless if no program ever runs, apart from the CPU it took.
     */
    public ViperFramework warmInBackground() {
        Thread t = new Thread(
                () -> {
                    try {
                        runner().prewarm(Math.max(1, Runtime.getRuntime().availableProcessors()));
                    } catch (RuntimeException e) {
                        // The first program builds its context itself and reports any problem there.
                    }
                },
                "sdvp-viper-warm");
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** Programs replaced by the fallback so far (ViperGPT's compile-failure count). */
    public long fallbackCount() {
        return runner == null ? 0 : runner.fallbackCount();
    }

    /** The runner, for callers that need the per-run fallback flag. */
    public ViperRunner runner() {
        ViperRunner r = runner;
        if (r == null) {
            synchronized (this) {
                r = runner;
                if (r == null) {
                    PythonSandbox sandbox = given != null ? given : PythonSandbox.shared();
                    runner = r = new ViperRunner(sandbox, sandbox.limits(), programsPerContext, llm);
                }
            }
        }
        return r;
    }
}
