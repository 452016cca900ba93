package org.sdvp.distill.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.distill.label.CallImages;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.DistillTarget;
import org.sdvp.distill.label.LabelFixtures;
import org.sdvp.distill.label.LabelFixtures.SceneFile;
import org.sdvp.distill.trace.SubTaskCall;
import org.sdvp.models.data.WorldData;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.vlm.PretrainPreset;
import org.sdvp.models.vlm.VlmModel;

class ReplayTest {
    private static VlmModel previous;

    @BeforeAll
    static void student() {
        previous = LabelFixtures.student(5);
    }

    @AfterAll
    static void close() {
        previous.close();
    }

    private static List<BufferedImage> images(List<? extends DistillTarget> t) {
        return t.stream().map(DistillTarget::image).toList();
    }

    private static List<String> texts(List<? extends DistillTarget> t) {
        return t.stream().map(DistillTarget::text).toList();
    }

    /** Every label of {@code set} is what {@code previous} outputs on its input. */
    private static void assertLabelledByPrevious(DistillSet set) {
        if (!set.vqa().isEmpty()) {
            float[][] p = previous.vqaProbabilities(images(set.vqa()), texts(set.vqa()));
            for (int k = 0; k < p.length; k++)
                assertArrayEquals(p[k], set.vqa().get(k).probs(), 1e-5f);
        }
        if (!set.match().isEmpty()) {
            float[] p = previous.matchProbabilities(images(set.match()), texts(set.match()));
            for (int k = 0; k < p.length; k++)
                assertEquals(p[k], set.match().get(k).probability(), 1e-5f);
        }
        if (!set.loc().isEmpty()) {
            float[][] maps = previous.locMaps(images(set.loc()), texts(set.loc()));
            for (int k = 0; k < maps.length; k++) {
                int cells = maps[k].length / GridBoxes.CHANNELS;
                assertArrayEquals(
                        Arrays.copyOfRange(maps[k], 0, cells), set.loc().get(k).objectness(), 1e-5f);
                assertArrayEquals(
                        Arrays.copyOfRange(maps[k], cells, GridBoxes.CHANNELS * cells),
                        set.loc().get(k).box(),
                        1e-5f);
            }
        }
    }

    @Test
    void generalReplayIsLabelledByThePreviousStudent() {
        DistillSet set = Replay.general(previous, 3, 7);
        assertTrue(!set.vqa().isEmpty() && !set.match().isEmpty() && !set.loc().isEmpty(), set.size() + " targets");
        assertLabelledByPrevious(set);
        // one row against a forward pass of its own
        DistillTarget.Vqa first = set.vqa().get(0);
        float[] alone = previous.vqaProbabilities(List.of(first.image()), List.of(first.text()))[0];
        assertArrayEquals(alone, first.probs(), 1e-5f);
    }

    @Test
    void generalReplayDrawsLikePretrainingAndIsDeterministicForASeed() {
        DistillSet a = Replay.general(previous, 3, 7);
        assertEquals(a.sha256(), Replay.general(previous, 3, 7).sha256());
        assertNotEquals(a.sha256(), Replay.general(previous, 3, 8).sha256());
        PretrainPreset p = PretrainPreset.named("default");
        SubTaskSet drawn = WorldData.generate(3, p.styles(), p.sampler(), 7, "replay", null);
        assertEquals(drawn.vqa().size(), a.vqa().size());
        assertEquals(drawn.match().size(), a.match().size());
        assertEquals(drawn.loc().size(), a.loc().size());
        assertEquals(drawn.loc().get(0).phrase(), a.loc().get(0).text());
        assertArrayEquals(
                LabelFixtures.rgb(drawn.vqa().get(0).image()),
                LabelFixtures.rgb(a.vqa().get(0).image()));
        assertTrue(Replay.general(previous, 0, 7).isEmpty());
    }

    @Test
    void relabelKeepsInputsAndTakesThePreviousStudentsLabels() {
        BufferedImage img = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        BufferedImage whole = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        float[] oneHot = new float[previous.answers().size()];
        oneHot[1] = 1;
        int cells = previous.grid().gridW() * previous.grid().gridH();
        DistillSet teacherLabels = new DistillSet(
                List.of(new DistillTarget.Vqa(img, "What color is the cube?", oneHot)),
                List.of(new DistillTarget.Match(img, "red", 1f)),
                List.of(new DistillTarget.Loc(whole, "cubes", new float[cells], new float[4 * cells])));
        DistillSet r = Replay.relabel(previous, teacherLabels);
        assertEquals(teacherLabels.size(), r.size());
        assertSame(img, r.vqa().get(0).image());
        assertEquals("cubes", r.loc().get(0).text());
        assertLabelledByPrevious(r);
    }

    @Test
    void callsOfEarlierStagesAreAllReplayedOnTheirPixels(@TempDir Path tmp) throws Exception {
        List<SceneFile> scenes = LabelFixtures.scenes(tmp, 2, "dusk", 3);
        List<SubTaskCall> calls = new ArrayList<>();
        // more than one batch of VQA crops, consistent or not: replay needs no filter
        for (int rep = 0; rep < 8; rep++) {
            for (SceneFile f : scenes) {
                for (int i = 0; i < f.scene().size(); i++) {
                    calls.add(LabelFixtures.call("q", "VQA", f, f.crop(i), "What is left of the cube?", rep % 2 == 0));
                }
            }
        }
        SceneFile f = scenes.get(0);
        calls.add(LabelFixtures.call("m", "MATCH", f, f.crop(0), "red", false));
        calls.add(LabelFixtures.call("l", "LOC", f, f.source(), "cube to the left of the sphere", true));
        SubTaskCall ok = calls.get(0);
        calls.add(new SubTaskCall(
                "g",
                "t",
                0,
                1,
                "vqa",
                "VQA",
                "gone.png",
                tmp.resolve("gone.png").toString(),
                ok.region(),
                "x",
                null,
                "vlm",
                true));
        CallImages images = new CallImages();
        DistillSet set = Replay.ofCalls(previous, calls, images);
        int vqa = calls.size() - 3;
        assertTrue(vqa > Replay.BATCH, vqa + " VQA calls");
        assertEquals(vqa, set.vqa().size());
        assertEquals(1, set.match().size());
        assertEquals(1, set.loc().size());
        assertEquals(1, images.missing());
        assertArrayEquals(
                LabelFixtures.rgb(f.crop(0).pixels()),
                LabelFixtures.rgb(set.vqa().get(0).image()));
        assertLabelledByPrevious(set);
    }
}
