package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                BufferedImage img = i % 2 == 0 ? DATA.vqa().get(i).image() : ToyWorld.scene(r).image();
                batch.add(new VqaRequest(ImageValue.source("i" + i, img), DATA.vqa().get(i).question()));
            }
            List<VqaAnswer> all = s.vqa().orElseThrow().apply(batch);
            assertEquals(batch.size(), all.size());
            for (int i = 0; i < batch.size(); i++) {
                VqaAnswer one = s.vqa().orElseThrow().apply(List.of(batch.get(i))).get(0);
                assertEquals(one.answer(), all.get(i).answer());
                assertEquals(one.confidence(), all.get(i).confidence(), 1e-5);
            }
        }
    }

    @Test
    void matchGivesProbabilitiesAndLocGivesBoxesInsideTheImage() throws Exception {
        try (ModelServices s = VlmServices.of("vlm:test", TinyVlm.create(DATA, 4))) {
            List<MatchRequest> m = DATA.match().stream()
                    .map(e -> new MatchRequest(ImageValue.source("c", e.image()), e.text())).toList();
            for (double p : s.match().orElseThrow().apply(m)) assertTrue(p >= 0 && p <= 1, "p=" + p);
            List<LocRequest> l = DATA.loc().stream()
                    .map(e -> new LocRequest(ImageValue.source("s", e.image()), e.phrase())).toList();
            List<List<Detection>> found = s.loc().orElseThrow().apply(l);
            assertEquals(l.size(), found.size());
            for (int i = 0; i < l.size(); i++) {
                double prev = Double.POSITIVE_INFINITY;
                for (Detection d : found.get(i)) {
                    assertTrue(d.box().x1() >= 0 && d.box().x2() <= 96 && d.box().y2() <= 72, d.toString());
                    assertTrue(d.score() <= prev, "best first");
                    assertEquals(l.get(i).object(), d.label());
                    prev = d.score();
                }
            }
        }
    }
}
