package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.ToyWorld;
import org.sdvp.models.train.SubTaskSet;

class VlmServicesTest {
    private static final SubTaskSet DATA = ToyWorld.data(12, 21);

    @Test
    void mixedBatchAnswersLikeSingleCallsInOrder() throws Exception {
        try (ModelServices s = VlmServices.of("vlm:test", TinyVlm.create(DATA, 4))) {
            List<VqaRequest> batch = new ArrayList<>();
            SplittableRandom r = new SplittableRandom(3);
            for (int i = 0; i < 6; i++) {
                // crops and whole images in one batch: they are resized differently and must come back in order
                BufferedImage img = i % 2 == 0
                        ? DATA.vqa().get(i).image()
                        : ToyWorld.scene(r).image();
                batch.add(new VqaRequest(
                        ImageValue.source("i" + i, img), DATA.vqa().get(i).question()));
            }
            List<VqaAnswer> all = s.vqa().orElseThrow().apply(batch);
            assertEquals(batch.size(), all.size());
            for (int i = 0; i < batch.size(); i++) {
                VqaAnswer one =
                        s.vqa().orElseThrow().apply(List.of(batch.get(i))).get(0);
                assertEquals(one.answer(), all.get(i).answer());
                assertEquals(one.confidence(), all.get(i).confidence(), 1e-5);
            }
        }
    }

    /**
     * CLASSIFY asks one crop about every category: the batch runs the image once and shares it, and the
     * answers are those of asking one pair at a time.
     */
    @Test
    void requestsSharingAnImageAnswerAsIfAskedAlone() throws Exception {
        try (ModelServices s = VlmServices.of("vlm:test", TinyVlm.create(DATA, 4))) {
            List<MatchRequest> m = new ArrayList<>();
            List<VqaRequest> q = new ArrayList<>();
            for (var e : DATA.match().subList(0, 3)) {
                ImageValue crop = ImageValue.source("c", e.image());
                for (String t : List.of("red", "blue cube", e.text())) {
                    m.add(new MatchRequest(crop, t));
                    q.add(new VqaRequest(crop, "what color is " + t + "?"));
                }
            }
            List<Double> together = s.match().orElseThrow().apply(m);
            List<VqaAnswer> answers = s.vqa().orElseThrow().apply(q);
            for (int i = 0; i < m.size(); i++) {
                assertEquals(
                        s.match().orElseThrow().apply(List.of(m.get(i))).get(0), together.get(i), 1e-5, "pair " + i);
                VqaAnswer alone = s.vqa().orElseThrow().apply(List.of(q.get(i))).get(0);
                assertEquals(alone.answer(), answers.get(i).answer(), "question " + i);
                assertEquals(alone.confidence(), answers.get(i).confidence(), 1e-5, "question " + i);
            }
        }
    }

    @Test
    void matchGivesProbabilitiesAndLocGivesBoxesInsideTheImage() throws Exception {
        try (ModelServices s = VlmServices.of("vlm:test", TinyVlm.create(DATA, 4))) {
            List<MatchRequest> m = DATA.match().stream()
                    .map(e -> new MatchRequest(ImageValue.source("c", e.image()), e.text()))
                    .toList();
            for (double p : s.match().orElseThrow().apply(m)) assertTrue(p >= 0 && p <= 1, "p=" + p);
            List<LocRequest> l = DATA.loc().stream()
                    .map(e -> new LocRequest(ImageValue.source("s", e.image()), e.phrase()))
                    .toList();
            List<List<Detection>> found = s.loc().orElseThrow().apply(l);
            assertEquals(l.size(), found.size());
            for (int i = 0; i < l.size(); i++) {
                double prev = Double.POSITIVE_INFINITY;
                for (Detection d : found.get(i)) {
                    assertTrue(
                            d.box().x1() >= 0 && d.box().x2() <= 96 && d.box().y2() <= 72, d.toString());
                    assertTrue(d.score() <= prev, "best first");
                    assertEquals(l.get(i).object(), d.label());
                    prev = d.score();
                }
            }
        }
    }

    @Test
    void inputsPreparedOnTheCallersThreadGiveTheModelsOwnAnswers() throws Exception {
        VlmModel vlm = TinyVlm.create(DATA, 5);
        try (ModelServices s = VlmServices.of("vlm:test", vlm)) {
            SplittableRandom r = new SplittableRandom(4);
            List<BufferedImage> imgs = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                imgs.add(
                        i % 2 == 0
                                ? DATA.vqa().get(i).image()
                                : ToyWorld.scene(r).image());
                texts.add(DATA.vqa().get(i).question());
            }
            var vqa = s.vqa().orElseThrow();
            List<VqaRequest> vq = new ArrayList<>();
            List<Object> prepared = new ArrayList<>();
            for (int i = 0; i < imgs.size(); i++) {
                vq.add(new VqaRequest(ImageValue.source("i" + i, imgs.get(i)), texts.get(i)));
                prepared.add(vqa.prepare(vq.get(i)));
            }
            float[][] expected = vlm.vqaProbabilities(imgs, texts);
            List<VqaAnswer> got = vqa.apply(vq, prepared);
            for (int i = 0; i < imgs.size(); i++) {
                int best = VlmEvaluation.argmax(expected[i]);
                assertEquals(vlm.answers().token(best), got.get(i).answer());
                assertEquals(expected[i][best], got.get(i).confidence(), 1e-6);
            }
            var match = s.match().orElseThrow();
            List<MatchRequest> mq = new ArrayList<>();
            List<Object> mp = new ArrayList<>();
            for (int i = 0; i < imgs.size(); i++) {
                mq.add(new MatchRequest(ImageValue.source("i" + i, imgs.get(i)), "red cube"));
                mp.add(match.prepare(mq.get(i)));
            }
            float[] p = vlm.matchProbabilities(imgs, TinyVlm.repeat("red cube", imgs.size()));
            List<Double> mg = match.apply(mq, mp);
            for (int i = 0; i < imgs.size(); i++) assertEquals(p[i], mg.get(i), 1e-6);
            var loc = s.loc().orElseThrow();
            List<LocRequest> lq = new ArrayList<>();
            List<Object> lp = new ArrayList<>();
            for (int i = 0; i < imgs.size(); i++) {
                lq.add(new LocRequest(ImageValue.source("i" + i, imgs.get(i)), "cube"));
                lp.add(loc.prepare(lq.get(i)));
            }
            var boxes = vlm.locate(
                    imgs,
                    TinyVlm.repeat("cube", imgs.size()),
                    vlm.locThreshold(),
                    VlmServices.NMS_IOU,
                    VlmServices.MAX_BOXES);
            List<List<Detection>> lg = loc.apply(lq, lp);
            for (int i = 0; i < imgs.size(); i++) {
                assertEquals(boxes.get(i).size(), lg.get(i).size());
                for (int k = 0; k < lg.get(i).size(); k++) {
                    assertEquals(boxes.get(i).get(k).box(), lg.get(i).get(k).box());
                    assertEquals(boxes.get(i).get(k).score(), lg.get(i).get(k).score(), 1e-9);
                }
            }
        }
    }

    /**
     * Preparing reuses the planes of the image the same thread prepared last (CLASSIFY: one crop, every
     * category): the reused planes are the very floats a fresh preparation gives, another image is never
     * served the previous one's planes, and the answers are those of unprepared requests, to the bit.
     */
    @Test
    void aCropPreparedOncePerObjectGivesTheSameFloatsAndAnswersAsPreparingEveryPair() throws Exception {
        VlmModel vlm = TinyVlm.create(DATA, 6);
        VlmInputs inputs = new VlmInputs(vlm);
        BufferedImage a = DATA.match().get(0).image(), b = DATA.match().get(1).image();
        float[] fresh = new VlmInputs(vlm).visual(a).planes();
        VlmInputs.Visual first = inputs.visual(a);
        assertSame(first, inputs.visual(a), "the same image again: the same planes");
        assertArrayEquals(fresh, first.planes());
        float[] other = inputs.visual(b).planes();
        assertArrayEquals(new VlmInputs(vlm).visual(b).planes(), other);
        assertFalse(java.util.Arrays.equals(first.planes(), other), "two crops, two inputs");
        assertArrayEquals(fresh, inputs.visual(a).planes(), "back to the first image");

        try (ModelServices s = VlmServices.of("vlm:test", vlm)) {
            var match = s.match().orElseThrow();
            List<MatchRequest> pairs = new ArrayList<>();
            List<Object> prepared = new ArrayList<>();
            for (var e : DATA.match().subList(0, 4)) {
                ImageValue crop = ImageValue.source("c", e.image());
                for (String t : List.of("red", "blue", "cube", e.text())) {
                    pairs.add(new MatchRequest(crop, t));
                    prepared.add(match.prepare(pairs.get(pairs.size() - 1)));
                }
            }
            assertEquals(match.apply(pairs), match.apply(pairs, prepared));
        }
    }
}
