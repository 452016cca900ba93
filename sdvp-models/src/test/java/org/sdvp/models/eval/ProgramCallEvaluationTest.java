package org.sdvp.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.world.oracle.OracleServices;
import org.sdvp.world.oracle.SceneIndex;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Styles;
import org.sdvp.world.task.DatasetGenerator;
import org.sdvp.world.task.GeneratedExample;
import org.sdvp.world.task.WorldTaskSpec;

class ProgramCallEvaluationTest {
    /** Calls as programs make them: whole images and CROP-style crops, with source ids and regions. */
    private static List<ProgramCallEvaluation.Call> calls(List<Scene> scenes) {
        Renderer renderer = new Renderer();
        List<ProgramCallEvaluation.Call> out = new ArrayList<>();
        for (Scene s : scenes) {
            BufferedImage img = renderer.render(s, Styles.get(s.style()));
            ImageValue whole = ImageValue.source(s.imageFilename(), img);
            ImageValue crop = SubTaskSampler.crop(whole, s, 0);
            String shape = s.object(0).shape();
            out.add(new ProgramCallEvaluation.Call(ServiceKind.VQA, whole, "Is there a red " + shape + "?"));
            out.add(new ProgramCallEvaluation.Call(ServiceKind.VQA, whole, "How many " + shape + "s are there?"));
            out.add(new ProgramCallEvaluation.Call(ServiceKind.VQA, crop, "What color is the " + shape + "?"));
            out.add(new ProgramCallEvaluation.Call(
                    ServiceKind.MATCH, crop, s.object(0).color()));
            out.add(new ProgramCallEvaluation.Call(ServiceKind.MATCH, crop, "blue"));
            out.add(new ProgramCallEvaluation.Call(ServiceKind.LOC, whole, shape));
        }
        return out;
    }

    private static List<Scene> scenes(long seed) {
        var r = new DatasetGenerator.Request(
                WorldTaskSpec.get("gqa-sim"),
                "val",
                4,
                seed,
                "dusk",
                Path.of("unused"),
                SceneGenerator.Config.defaults());
        List<Scene> out = new ArrayList<>();
        for (GeneratedExample ex : new DatasetGenerator().draw(r)) out.addAll(ex.scenes());
        return out;
    }

    @Test
    void theOracleGradedByItselfIsPerfectAndAWrongBackendIsNot() throws Exception {
        List<Scene> scenes = scenes(1);
        ModelServices oracle = OracleServices.create(SceneIndex.of(scenes));
        List<ProgramCallEvaluation.Call> calls = calls(scenes);
        Map<String, Double> m = ProgramCallEvaluation.evaluate(oracle, oracle, calls);
        assertEquals(1.0, m.get("vqa.accuracy"), m.toString());
        assertEquals(1.0, m.get("vqa.whole_exist"), m.toString());
        assertEquals(1.0, m.get("vqa.crop_query_color"), m.toString());
        assertEquals(1.0, m.get("match.accuracy"), m.toString());
        assertEquals(1.0, m.get("loc.recall"), m.toString());
        assertEquals(1.0, m.get("loc.precision"), m.toString());
        assertEquals(3.0 * scenes.size(), m.get("vqa.calls"));

        // a backend that always says "no" and "0", matches nothing and finds nothing
        ModelService<VqaRequest, VqaAnswer> no = b -> b.stream()
                .map(r -> new VqaAnswer(r.question().startsWith("How") ? "0" : "no", 1))
                .toList();
        ModelServices wrong = ModelServices.builder("wrong")
                .vqa(no)
                .match(b -> b.stream().map(r -> 0.0).toList())
                .loc(b -> b.stream().map(r -> List.<Detection>of()).toList())
                .build();
        Map<String, Double> w = ProgramCallEvaluation.evaluate(wrong, oracle, calls);
        assertTrue(w.get("vqa.accuracy") < 1.0, w.toString());
        assertEquals(0.0, w.get("vqa.crop_query_color"), w.toString());
        assertTrue(w.get("match.accuracy") < 1.0, w.toString());
        assertEquals(0.0, w.get("loc.recall"), w.toString());

        // the oracle of other scenes under the same image names answers about the wrong pictures
        Map<String, Double> other =
                ProgramCallEvaluation.evaluate(OracleServices.create(SceneIndex.of(scenes(7))), oracle, calls);
        assertTrue(other.get("vqa.accuracy") < 1.0 || other.get("loc.recall") < 1.0, other.toString());
    }

    @Test
    void callsNoBackendCoversAreCountedWrongAndUncovered() throws Exception {
        List<Scene> scenes = scenes(1);
        ModelServices oracle = OracleServices.create(SceneIndex.of(scenes));
        ModelService<VqaRequest, VqaAnswer> picky = new ModelService<>() {
            @Override
            public List<VqaAnswer> apply(List<VqaRequest> b) throws org.sdvp.core.service.ModelServiceException {
                return oracle.vqa().orElseThrow().apply(b);
            }

            @Override
            public boolean covers(VqaRequest r) {
                return !r.question().startsWith("How");
            }
        };
        List<ProgramCallEvaluation.Call> vqa =
                calls(scenes).stream().filter(c -> c.kind() == ServiceKind.VQA).toList();
        Map<String, Double> m = ProgramCallEvaluation.evaluate(
                ModelServices.builder("picky").vqa(picky).build(), oracle, vqa);
        assertEquals((double) scenes.size(), m.get("vqa.uncovered"), m.toString());
        assertEquals(2.0 / 3, m.get("vqa.accuracy"), 1e-9, m.toString());
        assertEquals(0.0, m.get("vqa.whole_count"), m.toString());
    }

    @Test
    void answersCompareAsTheBenchmarkMetricsCompareThem() throws Exception {
        // CLEVR-form gold answers carry articles and number words ("a cylinder", "two"); a vocabulary says
        // "cylinder" and "2": the one AnswerNormalizer makes them equal, as exact-match does on benchmarks
        List<Scene> scenes = scenes(1);
        ModelServices oracle = OracleServices.create(SceneIndex.of(scenes));
        List<ProgramCallEvaluation.Call> vqa =
                calls(scenes).stream().filter(c -> c.kind() == ServiceKind.VQA).toList();
        ModelService<VqaRequest, VqaAnswer> clevrForm = b -> oracle.vqa().orElseThrow().apply(b).stream()
                .map(a -> new VqaAnswer(clevrForm(a.answer()), a.confidence()))
                .toList();
        ModelServices clevrGold =
                ModelServices.builder("clevr-form").vqa(clevrForm).build();
        Map<String, Double> m = ProgramCallEvaluation.evaluate(oracle, clevrGold, vqa);
        assertEquals(1.0, m.get("vqa.accuracy"), m.toString());
        assertEquals(1.0, m.get("vqa.whole_count"), m.toString());

        // still an answer's words: a plural is another answer
        ModelService<VqaRequest, VqaAnswer> plural = b -> oracle.vqa().orElseThrow().apply(b).stream()
                .map(a -> new VqaAnswer(a.answer() + "s", a.confidence()))
                .toList();
        Map<String, Double> p = ProgramCallEvaluation.evaluate(
                ModelServices.builder("plural").vqa(plural).build(), clevrGold, vqa);
        assertEquals(0.0, p.get("vqa.accuracy"), p.toString());

        assertTrue(ProgramCallEvaluation.sameAnswer("cylinder", "a cylinder"));
        assertTrue(ProgramCallEvaluation.sameAnswer("2", "Two."));
        assertTrue(ProgramCallEvaluation.sameAnswer("yes", "True"));
        assertFalse(ProgramCallEvaluation.sameAnswer("cylinder", "cylinders"));
    }

    /** "a red" / "two" / "yes": the oracle's word as a CLEVR-form answer spells it. */
    private static String clevrForm(String answer) {
        List<String> numbers =
                List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
        if (answer.matches("\\d")) return numbers.get(Integer.parseInt(answer));
        if (answer.equals("yes") || answer.equals("no")) return answer;
        return "a " + answer;
    }
}
