package org.sdvp.viper.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.testing.SceneModels;
import org.sdvp.viper.testing.ViperTesting;

class ViperRunnerTest {

    private static Value result(String body) {
        Execution e = ViperTesting.run("def execute_command(image):\n" + body.indent(4));
        return e.result().orElseThrow(() -> new AssertionError(e.failure()));
    }

    @Test
    void pythonResultsBecomeCoreValues() {
        assertEquals(new TextValue("red"), result("return 'red'"));
        assertEquals(BoolValue.TRUE, result("return True"));
        assertEquals(new NumberValue(3), result("return 3"));
        assertEquals(new NumberValue(2.5), result("return 2.5"));
        assertEquals(NoneValue.INSTANCE, result("return None"));
        assertEquals(new ListValue(List.of(new TextValue("a"), new NumberValue(1))), result("return ['a', 1]"));
        assertEquals(new TextValue("{'a': 1}"), result("return {'a': 1}"));
        BoxesValue boxes = assertInstanceOf(BoxesValue.class, result("return image.find('metal')"));
        assertEquals(2, boxes.size());
        assertEquals("metal", boxes.detections().get(0).label());
        assertEquals(
                1,
                assertInstanceOf(BoxesValue.class, result("return image.find('cube')[0]"))
                        .size());
        assertEquals(new ListValue(List.of(new NumberValue(1), new TextValue("a"))), result("return (1, 'a')"));
        assertEquals(new NumberValue(1e20), result("return 10 ** 20"));
        ListValue mixed = assertInstanceOf(ListValue.class, result("return [image.find('cube')[0], 'x']"));
        assertEquals(1, assertInstanceOf(BoxesValue.class, mixed.items().get(0)).size());
        assertEquals(new TextValue("x"), mixed.items().get(1));
    }

    @Test
    void misusingTheApiGivesPythonErrors() {
        Execution e = ViperTesting.run("def execute_command(image):\n    return ImagePatch('photo.png')\n");
        assertTrue(
                e.failure().orElseThrow().message().contains("TypeError: ImagePatch(image) must be an ImagePatch"),
                e.failure().get().message());
        e = ViperTesting.run("def execute_command(image):\n    return best_image_match(['a'], 'blue')\n");
        assertTrue(
                e.failure().orElseThrow().message().contains("TypeError"),
                e.failure().get().message());
    }

    @Test
    void aProgramThatDoesNotCompileIsReplacedByTheFallback() throws Exception {
        ViperRunner runner = ViperTesting.runner();
        SceneModels models = new SceneModels();
        try (ModelGateway gw = new ModelGateway(models.services())) {
            ViperRun run = runner.run(
                    "def execute_command(image):\n    return image.find('cube'\n",
                    Map.of("IMAGE", SceneModels.image()),
                    gw,
                    Optional.of("Is this a test?"));
            assertTrue(run.fallback());
            assertEquals(1, runner.fallbackCount());
            assertEquals("yes", ViperTesting.answer(run.execution()));
            assertTrue(run.execution()
                    .trace()
                    .programSource()
                    .startsWith("# fallback: the program did not compile: [line"));
            assertEquals("simple_query", run.execution().trace().steps().get(0).module());

            ViperRun noEntry =
                    runner.run("x = 1\n", Map.of("IMAGE", SceneModels.image()), gw, Optional.of("Is this a test?"));
            assertTrue(noEntry.fallback());
            assertEquals(2, runner.fallbackCount());
            // The question reaches the fallback as data: quotes in it cannot inject code.
            ViperRun quoted =
                    runner.run("def (", Map.of("IMAGE", SceneModels.image()), gw, Optional.of("')\nimport os\n#"));
            assertEquals("unknown", ViperTesting.answer(quoted.execution()));
        }
    }

    @Test
    void withoutAQuestionANonCompilingProgramIsRejectedWithItsLine() throws Exception {
        try (ModelGateway gw = new ModelGateway(new SceneModels().services())) {
            InvalidProgramException e = assertThrows(
                    InvalidProgramException.class,
                    () -> ViperTesting.runner()
                            .run(
                                    "def execute_command(image):\n    x = = 1\n",
                                    Map.of("IMAGE", SceneModels.image()),
                                    gw,
                                    Optional.empty()));
            assertEquals(2, e.errors().get(0).line());
            assertTrue(e.getMessage().contains("Python syntax error"), e.getMessage());
        }
    }

    @Test
    void aRuntimeErrorBecomesAFailureWithItsLineAndKeepsEarlierSteps() {
        Execution e = ViperTesting.run("""
                def execute_command(image):
                    cubes = image.find('cube')
                    n = len(cubes) - 1
                    return 10 / n
                """);
        var f = e.failure().orElseThrow();
        assertEquals(4, f.line());
        assertEquals(1, f.stepIndex());
        assertTrue(f.message().contains("ZeroDivisionError"), f.message());
        assertEquals(1, e.trace().steps().size());
        assertTrue(e.result().isEmpty());
    }

    @Test
    void imagePairsArePassedLeftThenRight() throws Exception {
        var left = org.sdvp.core.value.ImageValue.source("left.png", new java.awt.image.BufferedImage(200, 100, 1));
        try (ModelGateway gw = new ModelGateway(new SceneModels().services())) {
            ViperRun run = ViperTesting.runner()
                    .run("""
                    def execute_command(left, right):
                        return left.simple_query('What color is it?') + ' ' + str(right.exists('cube'))
                    """, Map.of("RIGHT", SceneModels.image(), "LEFT", left), gw, Optional.empty());
            // The scene fake answers by region, not by source id: the largest object in the region is the sphere.
            assertEquals("blue True", ViperTesting.answer(run.execution()));
            var steps = run.execution().trace().steps();
            assertEquals(
                    "left.png", steps.get(0).calls().get(0).request().image().sourceId());
            assertEquals(
                    SceneModels.SOURCE_ID,
                    steps.get(1).calls().get(0).request().image().sourceId());
        }
    }

    @Test
    void concurrentProgramsShareBatches() throws Exception {
        // Slow enough that, even on a busy machine, programs wait on the model together.
        SceneModels models = new SceneModels(150);
        ViperRunner runner = ViperTesting.runner();
        String program = """
                def execute_command(image):
                    cube = image.find('cube')[0]
                    return cube.simple_query('What color is it?')
                """;
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (ModelGateway gw = new ModelGateway(models.services())) {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                fs.add(pool.submit(() -> {
                    answers.add(ViperTesting.answer(
                            runner.run(program, Map.of("IMAGE", SceneModels.image()), gw, Optional.empty())
                                    .execution()));
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(Collections.nCopies(12, "red"), answers);
        assertEquals(24, models.requests.size());
        assertTrue(models.batchSizes.size() < 24, "no batching: " + models.batchSizes);
        assertTrue(models.batchSizes.stream().anyMatch(n -> n > 1));
        assertEquals(12, runner.runCount());
        assertEquals(0, PythonSandbox.shared().watchdog().activeCount());
    }

    @Test
    void nonImageInitialValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ViperRunner.arguments(Map.of("IMAGE", new TextValue("x"))));
        assertFalse(ViperRunner.arguments(Map.of("IMAGE", SceneModels.image())).isEmpty());
    }
}
