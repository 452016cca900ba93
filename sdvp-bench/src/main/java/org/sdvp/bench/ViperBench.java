package org.sdvp.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
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
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import org.sdvp.viper.runner.ViperRun;
import org.sdvp.viper.runner.ViperRunner;
import org.sdvp.viper.sandbox.PythonSandbox;

/**
 * Per-program overhead of the ViperGPT sandbox with zero-latency models (every microsecond is framework
 * time): the same question (find the cube, ask its colour: 2 model calls) as a ViperGPT program in a fresh
 * context, in a pooled context (the default), and as a VisProg program in the core interpreter.
 * {@code bench/run ViperBench}; sample mode, so JMH prints the median (p0.50) per program.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgs = {"-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Xmx1g"})
public class ViperBench {
    static final String VIPER = """
            def execute_command(image):
                image_patch = ImagePatch(image)
                cube_patches = image_patch.find("cube")
                if len(cube_patches) == 0:
                    return image_patch.simple_query("What color is the cube?")
                cube_patch = cube_patches[0]
                return cube_patch.simple_query("What color is the cube?")
            """;
    static final String VISPROG = """
            BOX0=LOC(image=IMAGE,object='cube')
            IMAGE0=CROP(image=IMAGE,box=BOX0)
            ANSWER0=VQA(image=IMAGE0,question='What color is the cube?')
            FINAL_RESULT=RESULT(var=ANSWER0)
            """;

    private PythonSandbox sandbox;
    private ViperRunner fresh;
    private ViperRunner pooled;
    private final VisProgInterpreter interpreter = new VisProgInterpreter();
    private ModelGateway gateway;
    private Map<String, Value> initial;

    @Setup
    public void setUp() throws Exception {
        initial = Map.of("IMAGE", ImageValue.source("bench.png", new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB)));
        gateway = new ModelGateway(zeroLatency());
        sandbox = PythonSandbox.shared();
        fresh = new ViperRunner(sandbox, sandbox.limits(), 1);
        pooled = new ViperRunner(sandbox, sandbox.limits());
        check(fresh.run(VIPER, initial, gateway, Optional.of("q")).execution());
        check(interpreter.execute(VISPROG, initial, gateway));
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
        return fresh.run(VIPER, initial, gateway, Optional.of("What color is the cube?"));
    }

    /** The same program with the default pooled, screened and checked contexts. */
    @Benchmark
    public ViperRun viperPooledContext() throws Exception {
        return pooled.run(VIPER, initial, gateway, Optional.of("What color is the cube?"));
    }

    /** The same question as a VisProg program: parse, validate, run. */
    @Benchmark
    public Execution visprog() throws Exception {
        return interpreter.execute(VISPROG, initial, gateway);
    }

    /** A cube at a fixed place, "red" for every question, a perfect match: no model time at all. */
    static ModelServices zeroLatency() {
        return ModelServices.builder("zero-latency")
                .loc(batch -> {
                    List<List<Detection>> out = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) out.add(List.of(new Detection(new Box(10, 60, 50, 90), "cube", 1.0)));
                    return out;
                })
                .vqa(batch -> {
                    List<VqaAnswer> out = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) out.add(new VqaAnswer("red", 1.0));
                    return out;
                })
                .match(batch -> {
                    List<Double> out = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) out.add(1.0);
                    return out;
                })
                .build();
    }
}
