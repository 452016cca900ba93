package org.sdvp.viper.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.value.Value;
import org.sdvp.viper.runner.ViperRun;
import org.sdvp.viper.runner.ViperRunner;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.sandbox.SandboxLimits;

/** Shared test helpers: one engine for the whole test JVM, short limits, one-line runs. */
public final class ViperTesting {
    private ViperTesting() {}

    /** Limits short enough for hostile-program tests to finish quickly. */
    public static final SandboxLimits SHORT = SandboxLimits.defaults()
            .withCpuTime(Duration.ofSeconds(2))
            .withWallTime(Duration.ofSeconds(4))
            .withMaxAllocatedBytes(512L << 20);

    public static ViperRunner runner() {
        return new ViperRunner(PythonSandbox.shared(), SHORT);
    }

    /** Runs {@code source} on the scene image with fresh scene models. */
    public static Execution run(String source) {
        return run(source, new SceneModels());
    }

    public static Execution run(String source, SandboxLimits limits) {
        try (ViperRunner runner = new ViperRunner(PythonSandbox.shared(), limits)) {
            return run(source, new SceneModels(), runner);
        }
    }

    public static Execution run(String source, SceneModels models) {
        try (ViperRunner runner = new ViperRunner(PythonSandbox.shared(), SandboxLimits.defaults())) {
            return run(source, models, runner);
        }
    }

    public static Execution run(String source, SceneModels models, ViperRunner runner) {
        try (ModelGateway gw = new ModelGateway(models.services())) {
            ViperRun r = runner.run(source, Map.of("IMAGE", SceneModels.image()), gw, Optional.of("What is it?"));
            return r.execution();
        } catch (InvalidProgramException e) {
            throw new AssertionError(e);
        }
    }

    /** The result's display text, failing the test with the run's failure if there is none. */
    public static String answer(Execution e) {
        if (e.failure().isPresent())
            throw new AssertionError("run failed: " + e.failure().get().format());
        return e.result().map(Value::display).orElseThrow();
    }
}
