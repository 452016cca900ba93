package org.sdvp.models.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.checkpoint.Provenance;

class TeacherCoverageTest {
    /** A hand-made validation table: accuracy per form and the calls it rests on. */
    private static Map<String, Double> table() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("val.attribute.color", 0.97); // other metrics are ignored
        m.put("coverage.vqa.crop_query_color", 0.95);
        m.put("coverage.vqa.crop_query_color.calls", 40.0);
        m.put("coverage.vqa.crop_query_shape", 0.799); // just below the threshold
        m.put("coverage.vqa.crop_query_shape.calls", 40.0);
        m.put("coverage.vqa.crop_verify_size", 1.0); // perfect, but on too few calls
        m.put("coverage.vqa.crop_verify_size.calls", 19.0);
        m.put("coverage.vqa.whole_exist", 0.60);
        m.put("coverage.vqa.whole_exist.calls", 150.0);
        m.put("coverage.vqa.whole_count", 0.80); // exactly the threshold
        m.put("coverage.vqa.whole_count.calls", 100.0);
        m.put("coverage.match", 0.75);
        m.put("coverage.match.calls", 200.0);
        m.put("coverage.loc.recall", 0.70);
        m.put("coverage.loc.precision", 0.84);
        m.put("coverage.loc.f1", 0.29);
        m.put("coverage.loc.calls", 200.0);
        return m;
    }

    @Test
    void measuredAccuraciesAreRecordedAndReadBack() {
        TeacherCoverage c = TeacherCoverage.fromMetrics(table());
        assertTrue(c.measured());
        assertEquals(0.799, c.value("vqa.crop_query_shape").orElseThrow(), 1e-9);
        assertEquals(19, c.calls("vqa.crop_verify_size"));
        assertTrue(c.forms().contains("loc") && c.forms().contains("match"));
        assertEquals(
                TeacherCoverage.fromMetrics(table()).forms(),
                TeacherCoverage.fromMetrics(c.toMetrics()).forms());
        Map<String, Double> coverageOnly = new java.util.TreeMap<>(table());
        coverageOnly.keySet().removeIf(k -> !k.startsWith(TeacherCoverage.PREFIX));
        assertEquals(coverageOnly, new java.util.TreeMap<>(c.toMetrics()));
    }

    @Test
    void yesNoFormsAreScoredAsBalancedAccuracy() {
        // 80 yes-questions, 60 answered right; 20 no-questions, all right: plain 0.8, balanced 0.875
        Map<String, int[]> yesNo = Map.of("yes", new int[] {60, 80}, "no", new int[] {20, 20});
        assertEquals(0.875, CoverageMeasure.accuracy(yesNo), 1e-9);
        // a form whose sample holds only one answer, or other answers, is scored plainly
        assertEquals(0.75, CoverageMeasure.accuracy(Map.of("yes", new int[] {60, 80})), 1e-9);
        assertEquals(0.7, CoverageMeasure.accuracy(Map.of("red", new int[] {5, 5}, "blue", new int[] {2, 5})), 1e-9);
    }

    @Test
    void withoutMeasurementsNothingIsRecorded() {
        TeacherCoverage c = TeacherCoverage.fromMetrics(Map.of("val.attribute.color", 0.9));
        assertFalse(c.measured());
        assertTrue(c.toMetrics().isEmpty());
    }

    @Test
    void questionsMapToTheirForms() {
        assertEquals(Optional.of("vqa.crop_query_color"), TeacherCoverage.vqaForm("What color is the cube?", false));
        assertEquals(Optional.of("vqa.crop_verify_size"), TeacherCoverage.vqaForm("Is the cube small?", false));
        assertEquals(
                Optional.of("vqa.crop_choose_material"),
                TeacherCoverage.vqaForm("Is the cube metal or rubber?", false));
        assertEquals(Optional.of("vqa.whole_query"), TeacherCoverage.vqaForm("What color is the cube?", true));
        assertEquals(Optional.of("vqa.whole_exist"), TeacherCoverage.vqaForm("Is there a red cube?", true));
        assertEquals(Optional.of("vqa.whole_count"), TeacherCoverage.vqaForm("How many spheres are there?", true));
        assertEquals(
                Optional.empty(), TeacherCoverage.vqaForm("Is there a red cube?", false), "existence needs the image");
        assertEquals(Optional.empty(), TeacherCoverage.vqaForm("Why is the sky blue?", true));
    }

    @Test
    void servicesClaimEveryParsedFormWhateverTheMeasuredCoverage(@TempDir Path tmp) throws Exception {
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
                            table(),
                            null));
        }
        var crop = ImageValue.source("c", new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB));
        var whole = ImageValue.source("w", new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB));
        try (ModelServices s = new TeacherProvider().create(tmp.resolve("t").toString(), ProviderContext.empty())) {
            var vqa = s.vqa().orElseThrow();
            assertTrue(vqa.covers(new VqaRequest(crop, "What color is the cube?")));
            assertTrue(
                    vqa.covers(new VqaRequest(crop, "What shape is the red object?")), "measured 0.799, still claimed");
            assertTrue(vqa.covers(new VqaRequest(whole, "Is there a red cube?")));
            assertFalse(vqa.covers(new VqaRequest(crop, "Is there a red cube?")), "existence needs the whole image");
            assertFalse(vqa.covers(new VqaRequest(crop, "What is left of the cube?")), "a free question");
            assertTrue(s.match().orElseThrow().covers(new MatchRequest(crop, "red")));
            assertTrue(s.loc().orElseThrow().covers(new LocRequest(whole, "small spheres")));
            assertFalse(s.loc().orElseThrow().covers(new LocRequest(whole, "the cube left of the sphere")));
        }
    }

    @Test
    void measuringATeacherGivesEveryFormItsCalls() {
        var calls = org.sdvp.models.eval.SubTaskEvaluation.calls(
                org.sdvp.world.task.WorldTaskSpec.get("gqa-sim"), "val", 6, 1, CoverageMeasure.SAMPLER);
        try (TeacherModel t = TeacherModel.create(TeacherConfig.tiny(), "gqa-sim", 3)) {
            TeacherCoverage c = CoverageMeasure.measure(t, calls);
            assertTrue(c.measured());
            assertTrue(c.calls("vqa.whole_exist") > 0 && c.calls("match") > 0 && c.calls("loc") > 0, c.toString());
            int vqa = 0;
            for (String f : c.forms()) if (f.startsWith("vqa.")) vqa += c.calls(f);
            assertEquals(calls.vqa().size(), vqa, "every sampled VQA call has a form");
            for (String f : c.forms()) {
                double v = c.value(f.equals("loc") ? "loc.f1" : f).orElseThrow();
                assertTrue(v >= 0 && v <= 1, f + " " + v);
            }
        }
    }
}
