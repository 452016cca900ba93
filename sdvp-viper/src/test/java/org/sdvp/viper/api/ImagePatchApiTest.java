package org.sdvp.viper.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.trace.ModelCall;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.ImageValue;
import org.sdvp.viper.testing.SceneModels;
import org.sdvp.viper.testing.ViperTesting;

/**
 * Each API method against the scripted scene: a 200x100 image with a red cube (source box 10,60-50,90),
 * a blue sphere (120,20-160,60) and a green cylinder (150,70-190,95). Python sees y from the bottom.
 */
class ImagePatchApiTest {

    private static String answer(String body) {
        return ViperTesting.answer(ViperTesting.run("def execute_command(image):\n" + body.indent(4)));
    }

    @Test
    void wholeImageFieldsUseViperGptCoordinates() {
        assertEquals("0 0 200 100 200 100 100.0 50.0", answer("""
                p = ImagePatch(image)
                return ' '.join(str(v) for v in (p.left, p.lower, p.right, p.upper, p.width, p.height,
                                                 p.horizontal_center, p.vertical_center))
                """));
    }

    @Test
    void findReturnsPatchesWithYMeasuredFromTheBottom() {
        // The cube spans source rows 60..90 of 100, so 10..40 counted from the bottom.
        assertEquals("1 10 10 50 40", answer("""
                cubes = ImagePatch(image).find('cube')
                c = cubes[0]
                return ' '.join(str(v) for v in (len(cubes), c.left, c.lower, c.right, c.upper))
                """));
        assertEquals("2", answer("return str(len(image.find('metal')))"));
        assertEquals("0", answer("return str(len(image.find('dog')))"));
    }

    @Test
    void existsUsesGrounding() {
        assertEquals(
                "yes no",
                answer("return bool_to_yesno(image.exists('sphere')) + ' ' + bool_to_yesno(image.exists('dog'))"));
    }

    @Test
    void verifyPropertyMatchesPropertyAndName() {
        assertEquals("True False", answer("""
                cube = image.find('cube')[0]
                return str(cube.verify_property('cube', 'red')) + ' ' + str(cube.verify_property('cube', 'blue'))
                """));
    }

    @Test
    void bestTextMatchPicksTheMatchingOption() {
        assertEquals("green", answer("return image.find('cylinder')[0].best_text_match(['red', 'blue', 'green'])"));
        Execution e =
                ViperTesting.run("def execute_command(image):\n    return image.best_text_match(['red', \"it's\"])\n");
        assertEquals(
                "best_text_match(['red', 'it\\'s'])", e.trace().steps().get(0).text());
        assertEquals(2, e.trace().steps().get(0).calls().size());
        assertEquals(
                "metal", answer("return image.find('sphere')[0].best_text_match(['rubber', 'metal'], prefix='blue')"));
    }

    @Test
    void simpleQueryAsksAboutThePatch() {
        assertEquals("blue", answer("return image.crop(100, 0, 200, 100).simple_query('What color is it?')"));
        assertEquals("red", answer("return image.find('cube')[0].simple_query('What color is it?')"));
        assertEquals("unknown", answer("return image.simple_query()"));
    }

    @Test
    void cropIsRelativeToThePatchAndKeepsProvenance() {
        Execution e = ViperTesting.run("""
                def execute_command(image):
                    right = image.crop(100, 0, 200, 100)
                    quarter = right.crop(0, 0, 100, 50)
                    assert (quarter.left, quarter.lower, quarter.right, quarter.upper) == (100, 0, 200, 50)
                    same = ImagePatch(image, 100, 0, 200, 50)
                    assert (same.left, same.upper) == (100, 50)
                    found = quarter.find('cylinder')[0]
                    assert (found.left, found.lower, found.right, found.upper) == (150, 5, 190, 30), found
                    return quarter.find('cylinder')
                """);
        BoxesValue boxes =
                assertInstanceOf(BoxesValue.class, e.result().orElseThrow(() -> new AssertionError(e.failure())));
        // Results are reported in source coordinates, y down, as VisProg's LOC on the whole image would.
        assertEquals(new Box(150, 70, 190, 95), boxes.detections().get(0).box());
        ImageValue asked = e.trace().steps().get(0).calls().get(0).request().image();
        assertEquals(SceneModels.SOURCE_ID, asked.sourceId());
        assertEquals(new Box(100, 50, 200, 100), asked.region());
    }

    @Test
    void emptyCropRaisesValueError() {
        assertEquals("ValueError", answer("""
                try:
                    image.crop(50, 50, 50, 60)
                except ValueError:
                    return 'ValueError'
                return 'no error'
                """));
    }

    @Test
    void computeDepthOrdersObjectsFartherBackAsDeeper() {
        assertEquals(
                "True",
                answer("return str(image.find('sphere')[0].compute_depth() > image.find('cube')[0].compute_depth())"));
    }

    @Test
    void overlapsWithAndDistance() {
        assertEquals("True False True True 2", answer("""
                cube = image.find('cube')[0]
                sphere = image.find('sphere')[0]
                cyl = image.find('cylinder')[0]
                return ' '.join(str(v) for v in (cube.overlaps_with(0, 0, 20, 20), cube.overlaps_with(60, 0, 90, 90),
                                                 distance(cube, sphere) > 0, distance(cube, cube) == -1.0,
                                                 distance(3, 5)))
                """));
    }

    @Test
    void bestImageMatchPicksThePatch() {
        assertEquals("sphere 1", answer("""
                patches = image.find('cube') + image.find('sphere')
                best = best_image_match(patches, ['blue'])
                index = best_image_match(patches, 'blue', return_index=True)
                return ('sphere' if best.left == 120 else 'other') + ' ' + str(index)
                """));
        assertEquals("True", answer("return str(best_image_match([], ['blue']) is None)"));
    }

    @Test
    void helpers() {
        assertEquals(
                "yes no 3 2.5",
                answer(
                        "return ' '.join([bool_to_yesno(1), bool_to_yesno(0), str(coerce_to_numeric('3 cubes')), str(coerce_to_numeric('about 2.5'))])"));
    }

    @Test
    void llmQueryIsNotConfigured() {
        Execution e = ViperTesting.run("def execute_command(image):\n    return llm_query('What is a cube?')\n");
        String failure = e.failure().orElseThrow().format();
        assertTrue(failure.contains("llm_query is not configured") && failure.contains("line 2"), failure);
    }

    @Test
    void llmQueryUsesTheConfiguredModelAndIsRecorded() throws Exception {
        var runner = new org.sdvp.viper.runner.ViperRunner(
                org.sdvp.viper.sandbox.PythonSandbox.shared(),
                org.sdvp.viper.sandbox.SandboxLimits.defaults(),
                1,
                q -> q.endsWith("cube?") ? "a solid" : "?");
        try (var gw = new org.sdvp.core.service.ModelGateway(new SceneModels().services())) {
            Execution e = runner.run(
                            "def execute_command(image):\n    return llm_query('What is a cube?')\n",
                            java.util.Map.of("IMAGE", SceneModels.image()),
                            gw,
                            java.util.Optional.empty())
                    .execution();
            assertEquals("a solid", ViperTesting.answer(e));
            StepRecord step = e.trace().steps().get(0);
            assertEquals("llm_query", step.module());
            assertEquals(2, step.line());
            assertTrue(step.calls().isEmpty());
        }
    }

    @Test
    void everyModelCallIsRecordedAsAStepWithItsLine() {
        Execution e = ViperTesting.run("""
                def execute_command(image):
                    image_patch = ImagePatch(image)
                    cubes = image_patch.find("cube")
                    if cubes[0].verify_property("cube", "red"):
                        return cubes[0].simple_query("What color is it?")
                    return "no"
                """);
        List<StepRecord> steps = e.trace().steps();
        assertEquals(
                List.of("find", "verify_property", "simple_query"),
                steps.stream().map(StepRecord::module).toList());
        assertEquals(List.of(3, 4, 5), steps.stream().map(StepRecord::line).toList());
        assertEquals(List.of(0, 1, 2), steps.stream().map(StepRecord::index).toList());
        assertEquals("find('cube')", steps.get(0).text());
        assertEquals("verify_property('cube', 'red')", steps.get(1).text());
        ModelCall loc = steps.get(0).calls().get(0);
        assertInstanceOf(LocRequest.class, loc.request());
        assertEquals("scene", loc.backend());
        assertEquals("red cube", ((MatchRequest) steps.get(1).calls().get(0).request()).text());
        VqaRequest vqa = (VqaRequest) steps.get(2).calls().get(0).request();
        assertEquals(new Box(10, 60, 50, 90), vqa.image().region());
        assertEquals("red", steps.get(2).result().orElseThrow().display());
        assertTrue(steps.get(0).inputs().containsKey("image")
                && steps.get(0).inputs().containsKey("object"));
    }

    @Test
    void aFailingModelFailsTheRunEvenIfTheProgramCatchesIt() {
        Execution e = ViperTesting.run("""
                def execute_command(image):
                    try:
                        return image.simple_query("fail")
                    except Exception:
                        return "caught"
                """);
        var f = e.failure().orElseThrow();
        assertEquals("simple_query", f.module());
        assertEquals(3, f.line());
        assertTrue(f.message().contains("scripted failure"), f.message());
        assertTrue(e.trace().steps().get(0).error().isPresent());
    }
}
