package org.sdvp.distill.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.distill.label.LabelFixtures.SceneFile;
import org.sdvp.distill.trace.SubTaskCall;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.teacher.TeacherModel;
import org.sdvp.models.teacher.TeacherServices;
import org.sdvp.models.vlm.VlmModel;
import org.sdvp.world.program.VqaForms;
import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.SceneObject;

class PseudoLabelerTest {
    @TempDir
    static Path tmp;

    private static TeacherModel teacher;
    private static VlmModel student;
    private static ModelServices teacherServices;
    private static List<SceneFile> scenes;

    @BeforeAll
    static void models() throws Exception {
        teacher = LabelFixtures.teacher();
        student = LabelFixtures.student(11);
        teacherServices = TeacherServices.borrowing("t", teacher);
        scenes = LabelFixtures.scenes(tmp, 3, "dusk", 21);
    }

    @AfterAll
    static void close() {
        student.close();
        teacher.close();
    }

    private static String colorQuestion(SceneObject o) {
        return new VqaForms.Query(new Description(null, null, null, o.shape()), Attribute.COLOR).text();
    }

    private static SubTaskCall cropVqa(SceneFile f, int i, boolean consistent) {
        return LabelFixtures.call(
                f.scene().imageFilename() + i,
                "VQA",
                f,
                f.crop(i),
                colorQuestion(f.scene().object(i)),
                consistent);
    }

    @Test
    void filterDropsInconsistentCallsAndCountsThem() throws Exception {
        SceneFile f = scenes.get(0);
        List<SubTaskCall> calls = List.of(cropVqa(f, 0, true), cropVqa(f, 1, false), cropVqa(f, 2, true));
        Labelled on = new PseudoLabeler(teacher, student, LabelOptions.defaults()).label(calls);
        assertEquals(Map.of("VQA", 3), on.calls());
        assertEquals(Map.of("VQA", 1), on.inconsistent());
        assertEquals(2, on.targets().vqa().size());
        // order kept: the kept targets are calls 0 and 2
        assertEquals(calls.get(2).text(), on.targets().vqa().get(1).text());
        Labelled off = new PseudoLabeler(teacher, student, new LabelOptions(false, 0)).label(calls);
        assertEquals(3, off.targets().vqa().size());
        assertTrue(off.inconsistent().isEmpty());
        assertTrue(on.summary().contains("VQA 3 calls → 2 labels (1 inconsistent"), on.summary());
    }

    @Test
    void callsNoTeacherCoversAreSkippedAndCounted() throws Exception {
        SceneFile f = scenes.get(0);
        List<SubTaskCall> calls = List.of(
                LabelFixtures.call("a", "VQA", f, f.crop(0), "What is left of the cube?", true),
                LabelFixtures.call("b", "VQA", f, f.crop(0), "Is there a red cube?", true), // existence needs the image
                LabelFixtures.call("c", "LOC", f, f.source(), "cube to the left of the red sphere", true),
                LabelFixtures.call("d", "MATCH", f, f.crop(0), "cube to the left of the red sphere", true),
                LabelFixtures.call("e", "LOC", f, f.source(), "red cubes", true));
        Labelled l = new PseudoLabeler(teacher, student, LabelOptions.defaults()).label(calls);
        assertEquals(Map.of("LOC", 1, "MATCH", 1, "VQA", 2), l.uncovered());
        assertEquals(1, l.targets().size());
        assertEquals("red cubes", l.targets().loc().get(0).text());
    }

    @Test
    void vqaTargetIsTheTeachersDistributionOverTheStudentsAnswers() throws Exception {
        List<SubTaskCall> calls = new ArrayList<>();
        for (SceneFile f : scenes) for (int i = 0; i < f.scene().size(); i++) calls.add(cropVqa(f, i, true));
        SceneFile f = scenes.get(1);
        calls.add(LabelFixtures.call("w", "VQA", f, f.source(), "How many cubes are there?", true));
        Labelled l = new PseudoLabeler(teacher, student, LabelOptions.defaults()).label(calls);
        assertEquals(calls.size(), l.targets().vqa().size());
        var answers = teacherServices
                .vqa()
                .orElseThrow()
                .apply(l.targets().vqa().stream()
                        .map(t -> new VqaRequest(org.sdvp.core.value.ImageValue.source("x", t.image()), t.text()))
                        .toList());
        for (int k = 0; k < answers.size(); k++) {
            DistillTarget.Vqa t = l.targets().vqa().get(k);
            assertEquals(student.answers().size(), t.probs().length);
            double sum = 0;
            for (float p : t.probs()) sum += p;
            assertEquals(1.0, sum, 1e-5);
            assertEquals(0f, t.probs()[0], "no mass on the unknown answer");
            assertEquals(answers.get(k).answer(), student.answers().token(t.argmax()), t.text());
            assertEquals(answers.get(k).confidence(), t.probs()[t.argmax()], 1e-4);
        }
    }

    @Test
    void matchTargetIsTheTeachersProbability() throws Exception {
        SceneFile f = scenes.get(2);
        SceneObject o = f.scene().object(0);
        List<SubTaskCall> calls = List.of(
                LabelFixtures.call("m", "MATCH", f, f.crop(0), o.color(), true),
                LabelFixtures.call("m", "MATCH", f, f.crop(0), o.color() + " " + o.shape(), true));
        Labelled l = new PseudoLabeler(teacher, student, LabelOptions.defaults()).label(calls);
        assertEquals(2, l.targets().match().size());
        for (DistillTarget.Match t : l.targets().match()) {
            double p = teacherServices
                    .match()
                    .orElseThrow()
                    .apply(List.of(new MatchRequest(f.crop(0), t.text())))
                    .get(0);
            assertEquals(p, t.probability(), 1e-6);
        }
    }

    @Test
    void locTargetMarksTheCellsOfTheTeachersBoxes() throws Exception {
        List<SubTaskCall> calls = new ArrayList<>();
        for (SceneFile f : scenes) {
            for (int i = 0; i < f.scene().size(); i++) {
                calls.add(LabelFixtures.call(
                        "l" + i,
                        "LOC",
                        f,
                        f.source(),
                        i == 0 ? "objects" : f.scene().object(i).shape() + "s",
                        true));
            }
        }
        Labelled l = new PseudoLabeler(teacher, student, LabelOptions.defaults()).label(calls);
        assertEquals(calls.size(), l.targets().loc().size());
        GridBoxes grid = student.grid();
        int marked = 0;
        // the same batch as the labeller's (one forward pass), so the numbers agree to the bit
        List<List<Detection>> all = teacherServices
                .loc()
                .orElseThrow()
                .apply(l.targets().loc().stream()
                        .map(t -> new LocRequest(org.sdvp.core.value.ImageValue.source("x", t.image()), t.text()))
                        .toList());
        for (int k = 0; k < all.size(); k++) {
            DistillTarget.Loc t = l.targets().loc().get(k);
            List<Detection> found = all.get(k);
            List<Box> boxes = found.stream().map(Detection::box).toList();
            GridBoxes.Targets want =
                    grid.encode(boxes, t.image().getWidth(), t.image().getHeight());
            assertArrayEquals(want.objectness(), t.objectness());
            assertArrayEquals(want.box(), t.box());
            for (Box b : boxes) {
                int gx = Math.min(
                        grid.gridW() - 1, (int) (b.centerX() / t.image().getWidth() * grid.gridW()));
                int gy = Math.min(
                        grid.gridH() - 1, (int) (b.centerY() / t.image().getHeight() * grid.gridH()));
                assertEquals(1f, t.objectness()[gy * grid.gridW() + gx]);
                marked++;
            }
            float ones = 0;
            for (float v : t.objectness()) ones += v;
            assertTrue(ones <= boxes.size());
        }
        assertTrue(marked > 0, "the trained teacher should find some objects");
    }

    @Test
    void locTargetAlsoCarriesEveryObjectTheTeacherFindsAndWhichOfThemFitThePhrase() throws Exception {
        List<SubTaskCall> calls = new ArrayList<>();
        for (SceneFile f : scenes) {
            calls.add(LabelFixtures.call(
                    "s", "LOC", f, f.source(), f.scene().object(0).shape() + "s", true));
            calls.add(LabelFixtures.call("o", "LOC", f, f.source(), "objects", true));
        }
        assertTrue(
                new PseudoLabeler(teacher, student, LabelOptions.defaults())
                        .label(calls).targets().loc().stream().allMatch(t -> t.objects() == null),
                "asked for only when the loss trains on them");
        Labelled l = new PseudoLabeler(teacher, student, LabelOptions.defaults().withImageObjects(true)).label(calls);
        GridBoxes grid = student.grid();
        int fitting = 0, notFitting = 0;
        for (DistillTarget.Loc t : l.targets().loc()) {
            DistillTarget.ImageObjects o = t.objects();
            List<Box> any = teacherServices
                    .loc()
                    .orElseThrow()
                    .apply(List.of(new LocRequest(org.sdvp.core.value.ImageValue.source("x", t.image()), "object")))
                    .get(0)
                    .stream()
                    .map(Detection::box)
                    .toList();
            assertArrayEquals(
                    grid.encode(any, t.image().getWidth(), t.image().getHeight())
                            .objectness(),
                    o.objectness(),
                    "the image's objects are the teacher's answer for 'object'");
            for (int c = 0; c < o.fits().length; c++) {
                if (o.fits()[c] == 1f) fitting++;
                else if (o.objectness()[c] == 1f) notFitting++;
            }
            if (t.text().equals("objects")) assertArrayEquals(o.objectness(), o.fits(), "every object fits 'objects'");
        }
        assertTrue(fitting > 0 && notFitting > 0, "fitting " + fitting + ", other objects " + notFitting);
    }

    @Test
    void labelsBelowTheConfidenceThresholdAreUnsure() throws Exception {
        List<SubTaskCall> calls = new ArrayList<>();
        for (SceneFile f : scenes) for (int i = 0; i < f.scene().size(); i++) calls.add(cropVqa(f, i, true));
        Labelled all = new PseudoLabeler(teacher, student, LabelOptions.defaults()).label(calls);
        float median = all.targets().vqa().stream()
                .map(t -> t.probs()[t.argmax()])
                .sorted()
                .toList()
                .get(calls.size() / 2);
        Labelled sure = new PseudoLabeler(teacher, student, new LabelOptions(true, median)).label(calls);
        int unsure = sure.unsure().getOrDefault("VQA", 0);
        assertTrue(unsure > 0 && unsure < calls.size(), "unsure " + unsure + " of " + calls.size());
        assertEquals(calls.size(), unsure + sure.targets().vqa().size());
        for (DistillTarget.Vqa t : sure.targets().vqa()) assertTrue(t.probs()[t.argmax()] >= median);
    }

    @Test
    void aMissingImageIsCountedAndTheRestLabelled() throws Exception {
        SubTaskCall ok = cropVqa(scenes.get(0), 0, true);
        SubTaskCall gone = new SubTaskCall(
                "g",
                "t",
                0,
                1,
                "vqa",
                "VQA",
                "gone.png",
                tmp.resolve("gone.png").toString(),
                ok.region(),
                ok.text(),
                null,
                "teacher",
                true);
        Labelled l = new PseudoLabeler(teacher, student, LabelOptions.defaults()).label(List.of(gone, ok));
        assertEquals(Map.of("VQA", 1), l.missingImage());
        assertEquals(1, l.targets().vqa().size());
    }

    @Test
    void sameCallsGiveTheSameSet() throws Exception {
        List<SubTaskCall> calls = new ArrayList<>();
        for (SceneFile f : scenes) {
            calls.add(cropVqa(f, 0, true));
            calls.add(LabelFixtures.call("m", "MATCH", f, f.crop(1), "metal", true));
            calls.add(LabelFixtures.call("l", "LOC", f, f.source(), "spheres", true));
        }
        PseudoLabeler p = new PseudoLabeler(teacher, student, LabelOptions.defaults());
        assertEquals(p.label(calls).targets().sha256(), p.label(calls).targets().sha256());
        // the labeller borrowed the teacher: it is still open after labelling
        assertEquals(
                1, teacher.attributeProbabilities(List.of(scenes.get(0).crop(0).pixels())).length);
    }
}
