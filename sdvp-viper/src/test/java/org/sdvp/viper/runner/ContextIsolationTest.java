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
import org.sdvp.viper.api.ImagePatchApi;
import org.sdvp.viper.api.StepRecorder;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.sandbox.SandboxLimits;
import org.sdvp.viper.testing.SceneModels;
import org.sdvp.viper.testing.ViperTesting;

/**
 * With pooled contexts (the default), a program must not be able to influence the next one. Each attack
 * runs, then a victim program in the same runner checks that the state it relies on is pristine. Both
 * defences are tested on their own: the static screen (the attacker's context is closed after it), and
 * the after-program state check with the screen's verdict ignored.
 */
class ContextIsolationTest {
    private static final SandboxLimits LIMITS =
            SandboxLimits.defaults().withCpuTime(Duration.ofSeconds(3)).withMaxAllocatedBytes(512L << 20);
    /** Reads everything the attacks below try to change, and calls the API. */
    private static final String VICTIM = """
            import math, collections.abc
            def execute_command(image):
                try:
                    leak
                    seen = 'leak'
                except NameError:
                    seen = 'fresh'
                facts = [str(len([1, 2])), str(math.pi)[:4], str(isinstance([], collections.abc.Mapping)),
                         str(best_image_match([image], ['cube'], return_index=True)), seen,
                         image.find('cube')[0].simple_query('What color is it?'), str(ImagePatch(image).width),
                         bool_to_yesno(True)]
                return ' '.join(facts)
            """;

    private static final String PRISTINE = "2 3.14 False 0 fresh red 200 yes";

    private final ViperRunner runner = new ViperRunner(PythonSandbox.shared(), LIMITS, 50);
    private final ViperRunner checkOnly = new ViperRunner(PythonSandbox.shared(), LIMITS, 50, null, false);
    private final SceneModels models = new SceneModels();
    private final ModelGateway gateway = new ModelGateway(models.services());

    @AfterEach
    void close() {
        runner.close();
        checkOnly.close();
        gateway.close();
    }

    private Execution run(ViperRunner r, String source) throws InvalidProgramException {
        return r.run(source, Map.of("IMAGE", SceneModels.image()), gateway, Optional.of("Is this a test?"))
                .execution();
    }

    private static String program(String body) {
        return "import math, collections.abc\nleak = 1\ndef execute_command(image):\n" + body.indent(4);
    }

    /** Runs the attack, then the victim; the victim must see pristine state. */
    private void attackThenVictim(ViperRunner r, String attack) throws Exception {
        run(r, program(attack));
        assertEquals(PRISTINE, ViperTesting.answer(run(r, VICTIM)), attack);
    }

    /** Attacks that a program can write without any '_' name: only the screen stops some of them. */
    private static final String[] ATTACKS = {
        "ImagePatch.simple_query = lambda self, q=None: 'patched'\nreturn 1",
        "math.pi = 3\nreturn 1",
        "collections.abc.Mapping.register(list)\nreturn 1",
        "def g():\n    yield 1\nx = g()\nnext(x)\nreturn str(x.gi_frame.f_back.f_globals.keys())",
        "import builtins\nbuiltins.len = lambda x: 42\nreturn 1",
        "import sys\nsys.path.append('/x')\nsys.setrecursionlimit(60)\nreturn 1",
        "ImagePatch.__init__.__defaults__ = (1, 2, 3, 4)\nreturn 1",
        "best_image_match.__code__ = (lambda a, b, return_index=False: 7).__code__\nreturn 1",
        "image.find.__globals__['_PRISTINE']['leak'] = 1\nreturn 1",
        "ImagePatch.__init__.__globals__['leak'] = 1\nreturn 1",
        "bool_to_yesno.__globals__['bool_to_yesno'] = lambda b: 'maybe'\nreturn 1",
        "setattr(ImagePatch, 'find', None)\nreturn 1",
        "import random\nrandom.seed(0)\nreturn 1",
    };

    @Test
    void theScreenClosesTheContextOfEveryAttack() throws Exception {
        for (String attack : ATTACKS) attackThenVictim(runner, attack);
        // Every attacker (and no victim) failed the screen, so each victim ran in a context of its own.
        assertEquals(ATTACKS.length, runner.unscreenedCount());
        assertTrue(runner.contextCount() > ATTACKS.length, "contexts: " + runner.contextCount());
    }

    @Test
    void theStateCheckAloneCatchesTheAttacksItCovers() throws Exception {
        // Without the screen's verdict; Mapping.register (the ABC registry is not in a dictionary the check
        // reads) and random.seed (a new module, which the check does see) are left to the other test.
        for (String attack : ATTACKS) {
            if (attack.contains("register")) continue;
            attackThenVictim(checkOnly, attack);
        }
    }

    @Test
    void ordinaryProgramsShareOneContextAndCannotSeeEachOther() throws Exception {
        String[] programs = {
            program("global leak\nleak = 2\nImagePatch = None\nreturn 1"),
            "def execute_command(image):\n    try:\n        return leak\n    except NameError:\n        return 'fresh'\n",
            """
            import math
            from collections import Counter
            def area(p):
                return p.width * p.height
            def execute_command(image):
                image_patch = ImagePatch(image)
                cubes = sorted(image_patch.find('cube'), key=lambda p: p.horizontal_center)
                if len(cubes) == 0:
                    return image_patch.simple_query('What color is the cube?')
                sizes = [math.sqrt(area(c)) for c in cubes]
                return Counter([c.simple_query('What color is it?') for c in cubes]).most_common(1)[0][0]
            """,
            "def execute_command(image):\n    BOX0 = _vp_loc(image, 'cube')\n    return len(BOX0)\n",
            VICTIM,
        };
        String last = "";
        for (String p : programs) {
            last = ViperTesting.answer(run(runner, p));
            assertEquals(0, runner.unscreenedCount(), p);
        }
        assertEquals(PRISTINE, last);
        assertEquals(1, runner.contextCount());
    }

    @Test
    void aLoopInAPooledContextHitsTheSameCpuLimitAndTheNextProgramRuns() throws Exception {
        String stopped = run(runner, "def execute_command(image):\n    while True:\n        pass\n")
                .failure()
                .orElseThrow()
                .format();
        assertTrue(stopped.contains("CPU time limit"), stopped);
        assertEquals(PRISTINE, ViperTesting.answer(run(runner, VICTIM)));
    }

    @Test
    void prewarmedContextsServeTheFirstPrograms() throws Exception {
        try (ViperRunner r = new ViperRunner(PythonSandbox.shared(), LIMITS, 50)) {
            r.prewarm(2);
            assertEquals(2, r.contextCount());
            assertEquals(PRISTINE, ViperTesting.answer(run(r, VICTIM)));
            assertEquals(PRISTINE, ViperTesting.answer(run(r, VICTIM)));
            assertEquals(2, r.contextCount());
        }
    }

    @Test
    void theCpuLimitIsPerProgramInAPooledContext() throws Exception {
        // Programs that together use more CPU than one program may, in one context: GraalPy's accumulator
        // is reset before each program. Bounded by CPU time, not by a program count: a fast CPU (a Zen 5 EPYC)
        // ran 200 of these programs in under 2.5 s, so the cap is far above what any machine needs.
        try (ViperRunner r = new ViperRunner(PythonSandbox.shared(), LIMITS.withCpuTime(Duration.ofSeconds(1)), 5000)) {
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = bean.getCurrentThreadCpuTime();
            int programs = 0;
            while (bean.getCurrentThreadCpuTime() - start < 2_500_000_000L && programs < 5000) {
                assertEquals(
                        "ok",
                        ViperTesting.answer(
                                run(
                                        r,
                                        "def execute_command(image):\n    s = 0\n    for i in range(100000):\n        s += i\n    return 'ok'\n")));
                programs++;
            }
            assertTrue(bean.getCurrentThreadCpuTime() - start >= 2_500_000_000L, "only " + programs + " programs");
            assertEquals(1, r.contextCount());
        }
    }

    @Test
    void aBridgeWhoseRunHasEndedCallsNoModel() {
        // A patch (or a late finaliser) that outlives its program only reaches that program's bridge.
        StepRecorder recorder = new StepRecorder(gateway);
        ImagePatchApi api = new ImagePatchApi(recorder);
        int root = api.addRoot(SceneModels.image());
        assertTrue(api.find(root, "cube", 1) != null);
        int requests = models.requests.size();
        recorder.end();
        assertEquals(null, api.find(root, "cube", 1));
        assertEquals(null, api.simple_query(root, "What color is it?", 1));
        assertTrue(api.last_error().contains("has ended"), api.last_error());
        assertEquals(requests, models.requests.size());
        assertEquals(1, recorder.size());
    }
}
