package org.sdvp.bench;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.value.Value;
import org.sdvp.viper.runner.ViperRun;
import org.sdvp.viper.runner.ViperRunner;
import org.sdvp.viper.sandbox.PythonSandbox;

/**
 * Per-program overhead of the ViperGPT sandbox with zero-latency models ({@link CubeColour}: every microsecond
 * is framework time): the same question as a ViperGPT program in a fresh context, in a pooled context (the
 * default), and as a VisProg program in the core interpreter. {@link ViperWarmBench} measures with a long warm-up.
 * {@code bench/run ViperBench}; sample mode, so JMH prints the median (p0.50) per program.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Xmx1g"})
public class ViperBench {
    private PythonSandbox sandbox;
    private ViperRunner fresh;
    private ViperRunner pooled;
    private final VisProgInterpreter interpreter = new VisProgInterpreter();
    private ModelGateway gateway;
    private Map<String, Value> initial;

    @Setup
    public void setUp() throws Exception {
        initial = CubeColour.initial();
        gateway = new ModelGateway(CubeColour.create().services());
        sandbox = PythonSandbox.shared();
        fresh = new ViperRunner(sandbox, sandbox.limits(), 1);
        pooled = new ViperRunner(sandbox, sandbox.limits());
        check(fresh.run(CubeColour.VIPER, initial, gateway, Optional.of("q")).execution());
        check(interpreter.execute(CubeColour.VISPROG, initial, gateway));
    }

    @TearDown
    public void tearDown() {
        pooled.close();
        fresh.close();
        gateway.close();
    }

    private static void check(Execution e) {
        if (!e.succeeded()) throw new IllegalStateException("benchmark program failed: " + e.failure());
    }

    /** The ViperGPT program in a new sandboxed context ({@code programsPerContext = 1}). */
    @Benchmark
    public ViperRun viperFreshContext() throws Exception {
        return fresh.run(CubeColour.VIPER, initial, gateway, Optional.of("What color is the cube?"));
    }

    /** The same program with the default pooled, screened and checked contexts. */
    @Benchmark
    public ViperRun viperPooledContext() throws Exception {
        return pooled.run(CubeColour.VIPER, initial, gateway, Optional.of("What color is the cube?"));
    }

    /** The same question as a VisProg program: parse, validate, run. */
    @Benchmark
    public Execution visprog() throws Exception {
        return interpreter.execute(CubeColour.VISPROG, initial, gateway);
    }
}
