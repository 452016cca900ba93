package org.sdvp.viper.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.value.Value;
import org.sdvp.viper.runner.ViperRunner;
import org.sdvp.viper.testing.SceneModels;
import org.sdvp.viper.testing.ViperTesting;

/**
 * Programs that try to escape or exhaust the sandbox. Each must end with a clear failure, and the next
 * ordinary program must run correctly in the same JVM and on the same engine.
 */
class HostileProgramTest {
    /** Generous time (imports are slow on a cold, busy JVM) but a small allocation budget. */
    private static final SandboxLimits LIMITS = SandboxLimits.defaults()
            .withCpuTime(Duration.ofSeconds(3))
            .withWallTime(Duration.ofSeconds(30))
            .withMaxAllocatedBytes(512L << 20);

    private static final String ORDINARY = """
            def execute_command(image):
                return image.find('cube')[0].simple_query('What color is it?')
            """;
    /** The runner of the test's last hostile program; the next ordinary program runs through it. */
    private ViperRunner last;

    /**
     * One ordinary program on the shared engine with the default limits first: the very first program of a
     * JVM pays GraalPy's cold start (parsing the prelude, first imports), which on a loaded machine took more
     * than the 3 s of CPU the hostile programs get; these tests are about stopping programs, not cold starts.
     */
    @BeforeAll
    static void warmTheSharedEngine() {
        try (ViperRunner warm = new ViperRunner(
                PythonSandbox.shared(),
                SandboxLimits.defaults().withCpuTime(Duration.ofSeconds(60)).withWallTime(Duration.ofSeconds(120)))) {
            assertEquals("red", ViperTesting.answer(ViperTesting.run(ORDINARY, new SceneModels(), warm)));
        }
    }

    /**
     * Runs {@code source} in a pooled runner (the default) right after an ordinary program, so the hostile
     * program meets a reused context; {@link #nextProgramRuns()} then runs through the same runner.
     */
    private String stopped(String source, SandboxLimits limits) {
        closeLast();
        last = new ViperRunner(PythonSandbox.shared(), limits);
        assertEquals("red", ViperTesting.answer(ViperTesting.run(ORDINARY, new SceneModels(), last)));
        Execution e = ViperTesting.run(source, new SceneModels(), last);
        assertTrue(
                e.failure().isPresent(),
                () -> "not stopped; returned " + e.result().map(Value::display));
        assertTrue(e.result().isEmpty());
        return e.failure().get().format();
    }

    private void closeLast() {
        if (last != null) last.close();
        last = null;
    }

    private String stopped(String source) {
        return stopped(source, LIMITS);
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), () -> "expected '" + p + "' in: " + message);
    }

    @AfterEach
    void nextProgramRuns() {
        assertEquals("red", ViperTesting.answer(ViperTesting.run(ORDINARY)));
        if (last != null) {
            // The hostile program's context was reused from the ordinary one before it, and is never reused after it.
            long before = last.contextCount();
            assertEquals("red", ViperTesting.answer(ViperTesting.run(ORDINARY, new SceneModels(), last)));
            assertEquals(before + 1, last.contextCount());
            assertEquals(1, before, "the hostile program ran in the ordinary program's pooled context");
            closeLast();
        }
        assertEquals(0, PythonSandbox.shared().watchdog().activeCount());
    }

    @Test
    void osSystemIsDenied() {
        assertContains(
                stopped("import os\ndef execute_command(image):\n    return os.system('touch /tmp/viper-x')\n"),
                "line 3",
                "denied by the sandbox",
                "Process creation is not allowed");
        assertFalse(Files.exists(Path.of("/tmp/viper-x")));
    }

    @Test
    void processSpawningPrimitivesAreDenied() {
        // What subprocess.Popen uses underneath; importing subprocess itself takes ~30 s on a cold JVM.
        assertContains(stopped("""
                import _posixsubprocess
                def execute_command(image):
                    return _posixsubprocess.fork_exec(['/bin/true'], [b'/bin/true'], True, (), None, None,
                        -1, -1, -1, -1, -1, -1, -1, -1, False, False, 0, None, None, None, -1, None, False)
                """), "Error");
        assertContains(stopped("import os\ndef execute_command(image):\n    return os.fork()\n"), "Error");
    }

    @Test
    void filesCannotBeReadOrWritten() {
        assertContains(
                stopped("def execute_command(image):\n    return open('/etc/passwd').read()\n"),
                "line 2",
                "PermissionError");
        assertContains(
                stopped("def execute_command(image):\n    open('/tmp/viper-y', 'w').write('x')\n    return 1\n"),
                "PermissionError");
        assertFalse(Files.exists(Path.of("/tmp/viper-y")));
        assertContains(
                stopped("import os\ndef execute_command(image):\n    return str(os.listdir('/'))\n"),
                "PermissionError");
    }

    @Test
    void graalPyInternalFileHelpersCannotLeaveTheLanguageHome() {
        assertContains(stopped("""
                import __graalpython__ as g
                def execute_command(image):
                    return str(g.read_file(g.home + '/../../../../../../../../../etc/hostname'))
                """), "line 3", "PermissionError");
        assertContains(stopped("""
                import __graalpython__ as g
                def execute_command(image):
                    return g.load_file('../../../../../../../../../../usr/lib/python3.11/this')
                """), "line 3", "denied by the sandbox");
    }

    @Test
    void socketsAreUnavailable() {
        assertContains(stopped("""
                import socket
                def execute_command(image):
                    s = socket.socket()
                    s.connect(('127.0.0.1', 22))
                    return 'connected'
                """), "line 3", "socket was excluded");
    }

    @Test
    void ctypesCannotBeImported() {
        assertContains(
                stopped("import ctypes\ndef execute_command(image):\n    return 1\n"),
                "line 1",
                "No module named '_ctypes'");
    }

    @Test
    void hostClassesAndOtherLanguagesAreUnreachable() {
        assertContains(
                stopped("import java\ndef execute_command(image):\n    return str(java.type('java.lang.Runtime'))\n"),
                "access has been denied");
        assertContains(
                stopped(
                        "import polyglot\ndef execute_command(image):\n    return polyglot.eval(language='js', string='1')\n"),
                "polyglot access is not allowed");
    }

    @Test
    void hostObjectsExposeOnlyTheirExportedMethods() {
        assertContains(
                stopped("def execute_command(image):\n    return str(_API.getClass())\n"),
                "has no attribute 'getClass'");
        // Public but not exported Java methods stay invisible.
        assertContains(stopped("def execute_command(image):\n    return _API.addRoot\n"), "has no attribute 'addRoot'");
        assertContains(
                stopped("def execute_command(image):\n    return _API.recorder()\n"), "has no attribute 'recorder'");
        String names = ViperTesting.answer(ViperTesting.run(
                "def execute_command(image):\n    return ' '.join(n for n in dir(_API) if not n.startswith('__'))\n"));
        assertEquals(
                "best_image_match best_text_match coord crop depth exact exists find label last_error "
                        + "llm_query simple_query verify_property",
                names);
        // A patch is a plain Python object holding an int handle: nothing of the host to reflect on.
        assertEquals("ImagePatch,object int", ViperTesting.answer(ViperTesting.run("""
                def execute_command(image):
                    return ','.join(c.__name__ for c in image.__class__.__mro__) + ' ' + type(image._h).__name__
                """)));
    }

    @Test
    void threadsCannotBeStarted() {
        assertContains(stopped("""
                import threading
                def execute_command(image):
                    threading.Thread(target=lambda: None).start()
                    return 'started'
                """), "line 3", "denied by the sandbox", "Creating threads is not allowed");
    }

    @Test
    void sysExitEndsOnlyTheProgram() {
        assertContains(stopped("import sys\ndef execute_command(image):\n    sys.exit(3)\n"), "sys.exit");
    }

    @Test
    void hostEnvironmentIsInvisible() {
        String env = ViperTesting.answer(
                ViperTesting.run("import os\ndef execute_command(image):\n    return str(dict(os.environ))\n"));
        assertFalse(env.contains("PATH") || env.contains("HOME") || env.contains("JAVA"), env);
    }

    @Test
    void infiniteLoopHitsTheCpuLimit() {
        long t0 = System.nanoTime();
        assertContains(
                stopped(
                        "def execute_command(image):\n    while True:\n        pass\n",
                        LIMITS.withCpuTime(Duration.ofSeconds(1))),
                "resource limit exceeded",
                "Maximum CPU time limit");
        assertTrue(System.nanoTime() - t0 < 20e9);
    }

    @Test
    void convertingTheResultIsGuardedToo() {
        // str() of the result runs program code after execute_command has returned.
        assertContains(stopped("""
                class Sly:
                    def __str__(self):
                        while True:
                            pass
                def execute_command(image):
                    return Sly()
                """, LIMITS.withCpuTime(Duration.ofSeconds(1))), "resource limit exceeded");
    }

    @Test
    void hugeAllocationsAreStopped() {
        assertContains(stopped("def execute_command(image):\n    return len([0] * (10 ** 11))\n"), "line 2", "Error");
        assertContains(stopped("""
                def execute_command(image):
                    keep = []
                    while True:
                        keep.append(bytearray(10 ** 7))
                """), "memory limit exceeded", "512 MiB");
    }

    private static void assertStackStop(String message) {
        // Python's recursion limit or the sandbox's frame limit, whichever the interpreter meets first.
        assertTrue(message.contains("RecursionError") || message.contains("Maximum frame limit"), message);
    }

    @Test
    void deepRecursionIsStopped() {
        assertStackStop(stopped("def f(n):\n    return f(n + 1) + 1\ndef execute_command(image):\n    return f(0)\n"));
        assertStackStop(stopped("""
                import sys
                sys.setrecursionlimit(10 ** 7)
                def f(n):
                    return f(n + 1) + 1
                def execute_command(image):
                    return f(0)
                """));
    }

    @Test
    void wallClockLimitEndsASleep() {
        long t0 = System.nanoTime();
        assertContains(
                stopped(
                        "import time\ndef execute_command(image):\n    time.sleep(60)\n    return 1\n",
                        LIMITS.withWallTime(Duration.ofMillis(1500))),
                "wall-clock limit of 1500 ms exceeded");
        assertTrue(System.nanoTime() - t0 < 10e9);
    }

    @Test
    void wallClockLimitEndsAWaitForAModel() {
        long t0 = System.nanoTime();
        Execution e = ViperTesting.run(
                "def execute_command(image):\n    return image.simple_query('slow')\n",
                new SceneModels(8000),
                new ViperRunner(PythonSandbox.shared(), LIMITS.withWallTime(Duration.ofMillis(1500))));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertContains(e.failure().orElseThrow().format(), "wall-clock limit of 1500 ms exceeded");
        // Well before the model would have answered: the wait itself was interrupted.
        assertTrue(seconds < 6, "took " + seconds + " s");
    }
}
