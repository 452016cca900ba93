package org.sdvp.distill.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.train.StepwiseDistiller;
import org.sdvp.distill.train.StepwiseDistillerTest;
import org.sdvp.models.vlm.VlmModel;

/** The stage's sample of teacher vs student distributions, before and after distillation. */
class DistributionSampleTest {

    @Test
    void theStudentMovesTowardsTheTeacherOnTheSampledCalls(@TempDir Path tmp) throws Exception {
        DistillSet data = StepwiseDistillerTest.colourTargets(48, 3);
        JsonNode json;
        try (VlmModel s = StepwiseDistillerTest.student(5)) {
            DistributionSample sample = DistributionSample.of(data);
            assertThrows(IllegalStateException.class, () -> sample.toJson(s), "before and after first");
            sample.before(s);
            new StepwiseDistiller(StepwiseDistillerTest.config(60))
                    .distill(s, data, DistillSet.empty(), tmp, false, null);
            sample.after(s);
            json = Json.mapper().valueToTree(sample.toJson(s));
        }
        JsonNode vqa = json.get("vqa");
        assertEquals(DistributionSample.VQA, vqa.size());
        double before = 0, after = 0;
        for (JsonNode c : vqa) {
            assertEquals(
                    c.get("teacherAnswer").asText(),
                    c.get("teacher").get(0).get("answer").asText());
            assertEquals(4, c.get("before").size(), "top answers, at most the vocabulary (3 colours and <unk>)");
            assertTrue(c.get("image").asText().startsWith("data:image/png;base64,"));
            before += c.get("teacherAnswerBefore").asDouble();
            after += c.get("teacherAnswerAfter").asDouble();
        }
        assertTrue(after > before + 0.5, "the teacher's answer gains probability: " + before / 8 + " -> " + after / 8);
        assertEquals(0, json.get("match").size(), "no MATCH targets in this set");
    }

    @Test
    void theSampleIsEvenlySpacedOverTheTargets() {
        assertEquals(List.of(0, 3, 6, 9), DistributionSample.spaced(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 4));
        assertEquals(List.of(1, 2), DistributionSample.spaced(List.of(1, 2), 4));
    }
}
