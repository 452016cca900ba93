package org.sdvp.bench;

import java.util.Map;
import java.util.Set;
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
import org.sdvp.core.program.Program;
import org.sdvp.core.program.Programs;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;

/**
 * Interpreter overhead per step: a 10-step program of non-model steps (no model time at all), run on a
 * 128x128 image. Divide the reported time per program by 10 for the time per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class InterpreterBench {
    static final String TEN_STEPS = """
            BOX0=LOC(image=IMAGE,object='LEFT')
            BOX1=LOC(image=IMAGE,object='TOP')
            ANSWER0=COUNT(box=BOX0)
            IMAGE0=CROP(image=IMAGE,box=BOX0)
            IMAGE1=CROP_RIGHTOF(image=IMAGE,box=BOX1)
            IMAGE2=CROP_BELOW(image=IMAGE1,box=BOX1)
            ANSWER1=COUNT(box=BOX1)
            ANSWER2=EVAL(expr="{ANSWER0} + {ANSWER1} == 2")
            ANSWER3=EVAL(expr="'yes' if {ANSWER2} else 'no'")
            FINAL_RESULT=RESULT(var=ANSWER3)
            """;

    private final VisProgInterpreter interpreter = new VisProgInterpreter();
    private Map<String, Value> initial;
    private Program program;
    private ModelGateway gateway;

    @Setup
    public void setUp() throws Exception {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(128, 128, java.awt.image.BufferedImage.TYPE_INT_RGB);
        initial = Map.of("IMAGE", ImageValue.source("bench.png", img));
        program = Programs.parse(TEN_STEPS, interpreter.registry(), Set.of("IMAGE"));
        gateway = new ModelGateway(ModelServices.none());
    }

    @TearDown
    public void tearDown() {
        gateway.close();
    }

    /** Running an already validated 10-step program. */
    @Benchmark
    public Execution run10Steps() {
        return interpreter.run(program, initial, gateway);
    }

    /** Parsing, validating and running it. */
    @Benchmark
    public Execution parseValidateRun10Steps() throws Exception {
        return interpreter.execute(TEN_STEPS, initial, gateway);
    }
}
