package org.sdvp.backends.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdvp.backends.Fixtures;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaDistributionService;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Detection;
import org.sdvp.world.program.WorldCalls;

/** Each fixture answers its service through {@code --modules ENGINE:DIR}, by the service's conventions. */
class OwnServicesTest {
    static final List<WorldCalls.Call> CALLS = WorldCalls.make(12, 3);

    static ModelServices load(String service, String engine) throws Exception {
        return ModuleSpec.parse(engine + ":" + Fixtures.dir(service, engine)).load(ProviderContext.empty());
    }

    /** What the dispatcher does (prepare on the programs' threads, then one batch) equals one plain batch. */
    static <I, O> List<O> viaPrepare(ModelService<I, O> s, List<I> batch) throws Exception {
        List<Object> prepared = new ArrayList<>();
        for (I r : batch) prepared.add(s.prepare(r));
        return s.apply(batch, prepared);
    }

    /** The VQA folders: the contract fixture in both engines, and the bigger distillation student. */
    @ParameterizedTest
    @ValueSource(strings = {"vqa-torchscript", "vqa-onnx", "vqa-student-torchscript"})
    void vqaAnswersFromTheVocabularyWithItsDistribution(String folder) throws Exception {
        String engine = folder.endsWith("onnx") ? "onnx" : "torchscript";
        try (ModelServices s =
                ModuleSpec.parse(engine + ":" + Fixtures.root().resolve(folder)).load(ProviderContext.empty())) {
            assertTrue(s.loc().isEmpty() && s.match().isEmpty(), "one model.json, one service");
            var vqa = (VqaDistributionService) s.vqa().orElseThrow();
            List<VqaRequest> batch = CALLS.stream()
                    .map(c -> new VqaRequest(c.image(), c.question()))
                    .toList();
            List<String> vocabulary = List.of(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(
                            Files.readString(Fixtures.root().resolve(folder).resolve("answers.json")), String[].class));
            List<VqaAnswer> answers = vqa.apply(batch);
            List<Map<String, Double>> dist = vqa.distributions(batch);
            assertEquals(answers, viaPrepare(vqa, batch));
            for (int i = 0; i < batch.size(); i++) {
                assertTrue(vocabulary.contains(answers.get(i).answer()));
                double sum = dist.get(i).values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum();
                assertEquals(1.0, sum, 1e-5);
                assertEquals(
                        answers.get(i).confidence(),
                        dist.get(i).get(answers.get(i).answer()),
                        1e-6,
                        "top answer's probability");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"torchscript", "onnx"})
    void locGivesScoredBoxesInsideTheImageLabelledWithThePhrase(String engine) throws Exception {
        try (ModelServices s = load("loc", engine)) {
            var loc = s.loc().orElseThrow();
            List<LocRequest> batch = CALLS.stream()
                    .map(c -> new LocRequest(c.image(), c.phrase()))
                    .toList();
            List<List<Detection>> found = loc.apply(batch);
            assertEquals(found, viaPrepare(loc, batch));
            int boxes = 0;
            for (int i = 0; i < batch.size(); i++) {
                var img = batch.get(i).image();
                assertTrue(found.get(i).size() <= 10, "maxBoxes");
                for (Detection d : found.get(i)) {
                    assertEquals(batch.get(i).object(), d.label());
                    assertTrue(d.score() >= 0.3, "threshold");
                    assertTrue(d.box().x1() >= 0
                            && d.box().y1() >= 0
                            && d.box().x2() <= img.width()
                            && d.box().y2() <= img.height());
                    assertFalse(d.box().isEmpty());
                    boxes++;
                }
                for (int a = 0; a < found.get(i).size(); a++) {
                    for (int b = a + 1; b < found.get(i).size(); b++) {
                        assertTrue(
                                found.get(i)
                                                .get(a)
                                                .box()
                                                .iou(found.get(i).get(b).box())
                                        <= 0.5,
                                "NMS at 0.5");
                    }
                }
            }
            assertTrue(boxes > 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"torchscript", "onnx"})
    void matchGivesAProbabilityPerPairIndependentOfTheBatch(String engine) throws Exception {
        try (ModelServices s = load("match", engine)) {
            var match = s.match().orElseThrow();
            List<MatchRequest> batch = CALLS.stream()
                    .map(c -> new MatchRequest(c.image(), c.phrase()))
                    .toList();
            List<Double> all = match.apply(batch);
            assertEquals(all, viaPrepare(match, batch));
            for (int i = 0; i < batch.size(); i++) {
                assertTrue(all.get(i) > 0 && all.get(i) < 1);
                // CLIP's matrix is read on its diagonal: a pair's probability does not depend on the others
                assertEquals(all.get(i), match.apply(List.of(batch.get(i))).get(0), 1e-5);
            }
        }
    }
}
