package org.sdvp.models.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.train.StepLoop;
import org.sdvp.world.task.WorldTaskSpec;

class TeacherTest {
    private static TeacherExamples data;

    @BeforeAll
    static void drawTheTaskSplit() {
        data = TeacherBuilder.examples(WorldTaskSpec.get("gqa-sim"), "train", 12, 1);
    }

    @Test
    void trainingOnTheTaskSplitLowersTheLoss() {
        try (TeacherModel t = TeacherModel.create(TeacherConfig.tiny(), "gqa-sim", 3)) {
            StepLoop.Result r =
                    new TeacherTrainer(t, new TeacherTrainConfig(60, 16, 4, 5e-3f, 5, 4f, 5f, 1f, 3)).train(data, null);
            double early = r.lossCurve().get(0),
                    late = r.lossCurve().get(r.lossCurve().size() - 1);
            assertTrue(late < 0.8 * early, "loss " + early + " -> " + late);
        }
    }

    @Test
    void defaultTeacherIsAtLeastTenTimesSmallerThanTheStudent() {
        try (TeacherModel t = TeacherModel.create(TeacherConfig.defaults(), "gqa-sim", 1)) {
            assertTrue(t.parameterCount() * 10 <= 550_000, "teacher parameters: " + t.parameterCount());
        }
    }

    @Test
    void servicesCoverOnlyTheirCallsAndSurviveACheckpoint(@TempDir Path tmp) throws Exception {
        var crop = ImageValue.source("c", data.crops().get(0).image());
        var whole = ImageValue.source("w", data.frames().get(0).image());
        try (TeacherModel t = TeacherModel.create(TeacherConfig.tiny(), "gqa-sim", 3)) {
            t.save(
                    tmp.resolve("t"),
                    Provenance.of(
                            "teacher",
                            "gqa-sim",
                            3,
                            Json.mapper().createObjectNode(),
                            "x",
                            1,
                            Json.mapper().createObjectNode(),
                            Map.of(),
                            null));
        }
        try (ModelServices s = new TeacherProvider()
                .create(tmp.resolve("t").toString(), org.sdvp.core.service.ProviderContext.empty())) {
            var vqa = s.vqa().orElseThrow();
            assertTrue(vqa.covers(new VqaRequest(crop, "What color is the cube?")));
            assertTrue(vqa.covers(new VqaRequest(whole, "Is there a red cube?")));
            assertFalse(vqa.covers(new VqaRequest(crop, "Is there a red cube?")), "existence needs a whole image");
            assertFalse(vqa.covers(new VqaRequest(crop, "Why is the sky blue?")));
            assertTrue(s.match().orElseThrow().covers(new MatchRequest(crop, "red metal cube")));
            assertFalse(s.match().orElseThrow().covers(new MatchRequest(crop, "cube to the left of the red sphere")));
            assertTrue(s.loc().orElseThrow().covers(new LocRequest(whole, "small spheres")));

            List<VqaAnswer> a = vqa.apply(List.of(
                    new VqaRequest(crop, "What color is the cube?"),
                    new VqaRequest(whole, "How many spheres are there?"),
                    new VqaRequest(crop, "Is the cube red or blue?")));
            assertTrue(
                    org.sdvp.world.scene.Attribute.COLOR
                            .vocabulary()
                            .contains(a.get(0).answer()),
                    a.toString());
            assertTrue(a.get(1).answer().matches("\\d+"), a.toString());
            assertTrue(List.of("red", "blue").contains(a.get(2).answer()), a.toString());
            double p = s.match()
                    .orElseThrow()
                    .apply(List.of(new MatchRequest(crop, "red")))
                    .get(0);
            assertTrue(p >= 0 && p <= 1);
            assertEquals(
                    1,
                    s.loc()
                            .orElseThrow()
                            .apply(List.of(new LocRequest(whole, "cube")))
                            .size());
        }
    }
}
