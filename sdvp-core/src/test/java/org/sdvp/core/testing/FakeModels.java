package org.sdvp.core.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;

/**
 * Scripted model backends for tests: each kind answers through a function and counts its batches.
 * Shared with other modules' tests through sdvp-core's test-jar.
 */
public final class FakeModels {
    private FakeModels() {}

    /** A service answering each request with {@code answer}, counting batches and requests. */
    public static final class Scripted<I, O> implements ModelService<I, O> {
        private final Function<I, O> answer;
        public final AtomicInteger batches = new AtomicInteger();
        public final List<I> requests = java.util.Collections.synchronizedList(new ArrayList<>());

        public Scripted(Function<I, O> answer) {
            this.answer = answer;
        }

        @Override
        public List<O> apply(List<I> batch) {
            batches.incrementAndGet();
            requests.addAll(batch);
            List<O> out = new ArrayList<>(batch.size());
            for (I r : batch) out.add(answer.apply(r));
            return out;
        }
    }

    public static ModelServices services(
            Function<LocRequest, List<Detection>> loc,
            Function<VqaRequest, String> vqa,
            Function<MatchRequest, Double> match) {
        return ModelServices.builder("fake")
                .loc(new Scripted<>(loc))
                .vqa(new Scripted<>(r -> new VqaAnswer(vqa.apply(r), 1.0)))
                .match(new Scripted<>(match))
                .build();
    }

    /** A plain {@code width x height} image filled with one colour, named {@code id}. */
    public static ImageValue image(String id, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 120, 160));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return ImageValue.source(id, img);
    }
}
