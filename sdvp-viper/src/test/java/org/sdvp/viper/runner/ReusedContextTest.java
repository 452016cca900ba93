package org.sdvp.viper.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.sandbox.SandboxLimits;
import org.sdvp.viper.testing.SceneModels;
import org.sdvp.viper.testing.ViperTesting;

/** Reusing a context for several programs: fresh namespaces, and a dirty context is never handed on. */
class ReusedContextTest {
    private final ViperRunner runner = new ViperRunner(
            PythonSandbox.shared(),
            SandboxLimits.defaults().withCpuTime(Duration.ofSeconds(3)).withMaxAllocatedBytes(512L << 20),
            50);
    private final ModelGateway gateway = new ModelGateway(new SceneModels().services());

    @AfterEach
    void close() {
        runner.close();
        gateway.close();
    }

    private Execution run(String source) throws InvalidProgramException {
        return runner.run(source, Map.of("IMAGE", SceneModels.image()), gateway, Optional.of("Is this a test?"))
                .execution();
    }

    private String answer(String body) throws InvalidProgramException {
        return ViperTesting.answer(run("def execute_command(image):\n" + body.indent(4)));
    }

    @Test
    void cleanProgramsShareOneContextButNotTheirGlobals() throws Exception {
        assertEquals(
                "red", answer("global seen\nseen = 1\nreturn image.find('cube')[0].simple_query('What color is it?')"));
        assertEquals("fresh", answer("try:\n    seen\n    return 'leak'\nexcept NameError:\n    return 'fresh'"));
        assertEquals("yes", ViperTesting.answer(run("not python ("))); // fallback, also in the same context
        assertEquals(3, runner.runCount());
        assertEquals(1, runner.contextCount());
    }

    @Test
    void changedBuiltinsDiscardTheContext() throws Exception {
        assertEquals("42", answer("import builtins\nbuiltins.len = lambda x: 42\nreturn str(len([1, 2]))"));
        assertEquals("2", answer("return str(len([1, 2]))"));
        assertEquals(2, runner.contextCount());
    }

    @Test
    void changedApiClassesDiscardTheContext() throws Exception {
        assertEquals(
                "patched",
                answer("ImagePatch.simple_query = lambda self, q=None: 'patched'\nreturn image.simple_query('x')"));
        assertEquals("red", answer("return image.find('cube')[0].simple_query('What color is it?')"));
        assertEquals(2, runner.contextCount());
    }

    @Test
    void changedSysStateOrNewModulesDiscardTheContext() throws Exception {
        // Both programs fail the screen (imports of sys and json), so their contexts close after them.
        answer("import sys\nsys.setrecursionlimit(50)\nreturn 1");
        assertEquals("ok", answer("def f(n):\n    return 0 if n == 0 else f(n - 1)\nf(200)\nreturn 'ok'"));
        answer("import json\nreturn json.dumps(1)");
        answer("return 1");
        assertEquals(3, runner.contextCount());
        assertEquals(2, runner.unscreenedCount());
    }

    @Test
    void aFailedOrStoppedProgramDiscardsTheContext() throws Exception {
        assertTrue(
                run("def execute_command(image):\n    return 1 / 0\n").failure().isPresent());
        String stopped = run("def execute_command(image):\n    while True:\n        pass\n")
                .failure()
                .orElseThrow()
                .format();
        assertTrue(stopped.contains("CPU time limit"), stopped);
        assertEquals("ok", answer("return 'ok'"));
        assertEquals(3, runner.contextCount());
    }
}
