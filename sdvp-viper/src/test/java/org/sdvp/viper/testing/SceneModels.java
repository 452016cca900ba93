package org.sdvp.viper.testing;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;

/**
 * A scripted fake of the three model services over a tiny known scene, answering from the request's
 * provenance (source region) the way the oracle does, and recording every request and batch size.
 *
 * <ul>
 *   <li>LOC "words": every object whose words (attributes + name) contain all the words and whose centre
 *       lies inside the requested region, boxes translated into the requested image's coordinates;</li>
 *   <li>MATCH "words": 1.0 when the object covering most of the region has all the words, else 0.0;</li>
 *   <li>VQA: "What color is it?" → colour of the object covering most of the region; "How many objects?"
 *       → objects inside; anything else → "unknown". A question "fail" makes the batch fail.</li>
 * </ul>
 */
public final class SceneModels {
    /** One object of the scene, box in source coordinates (y down). */
    public record Thing(String name, Box box, String... attributes) {
        Set<String> words() {
            Set<String> w = new HashSet<>(Arrays.asList(attributes));
            w.add(name);
            return w;
        }
    }

    public static final String SOURCE_ID = "scene-1.png";
    public static final int WIDTH = 200;
    public static final int HEIGHT = 100;

    /** Red rubber cube at the left bottom, blue metal sphere top right-ish, green metal cylinder right bottom. */
    public static final List<Thing> THINGS = List.of(
            new Thing("cube", new Box(10, 60, 50, 90), "red", "rubber", "large"),
            new Thing("sphere", new Box(120, 20, 160, 60), "blue", "metal", "small"),
            new Thing("cylinder", new Box(150, 70, 190, 95), "green", "metal", "small"));

    public final List<Object> requests = Collections.synchronizedList(new ArrayList<>());
    public final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final long delayMillis;

    /** @param delayMillis time each batch "computes", so concurrent callers pile up into batches */
    public SceneModels(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    public SceneModels() {
        this(0);
    }

    public static ImageValue image() {
        return ImageValue.source(SOURCE_ID, new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB));
    }

    public ModelServices services() {
        return ModelServices.builder("scene")
                .loc(batch -> answer(batch, this::loc))
                .match(batch -> answer(batch, this::match))
                .vqa(batch -> answer(batch, this::vqa))
                .build();
    }

    private interface Answerer<I, O> {
        O apply(I request) throws ModelServiceException;
    }

    private <I, O> List<O> answer(List<I> batch, Answerer<I, O> f) throws ModelServiceException {
        batchSizes.add(batch.size());
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<O> out = new ArrayList<>();
        for (I r : batch) {
            requests.add(r);
            out.add(f.apply(r));
        }
        return out;
    }

    private List<Detection> loc(LocRequest r) {
        Set<String> want = words(r.object());
        Box region = r.image().region();
        List<Detection> out = new ArrayList<>();
        for (Thing t : THINGS) {
            Box b = t.box();
            boolean inside = b.centerX() >= region.x1()
                    && b.centerX() < region.x2()
                    && b.centerY() >= region.y1()
                    && b.centerY() < region.y2();
            if (inside && t.words().containsAll(want)) {
                out.add(new Detection(b.translate(-region.x1(), -region.y1()), r.object(), 0.9));
            }
        }
        return out;
    }

    private double match(MatchRequest r) {
        Thing main = mainThing(r.image());
        return main != null && main.words().containsAll(words(r.text())) ? 1.0 : 0.0;
    }

    private VqaAnswer vqa(VqaRequest r) throws ModelServiceException {
        String q = r.question();
        if (q.equals("fail")) throw new ModelServiceException("scripted failure");
        if (q.equals("What color is it?")) {
            Thing main = mainThing(r.image());
            return new VqaAnswer(main == null ? "none" : main.attributes()[0], 1.0);
        }
        if (q.equals("How many objects?")) {
            return new VqaAnswer(
                    Integer.toString(loc(new LocRequest(r.image(), "")).size()), 1.0);
        }
        return new VqaAnswer(Map.of("Is this a test?", "yes").getOrDefault(q, "unknown"), 1.0);
    }

    private static Thing mainThing(ImageValue image) {
        Thing best = null;
        double bestArea = 0;
        for (Thing t : THINGS) {
            double a = t.box().intersection(image.region()).area();
            if (a > bestArea) {
                bestArea = a;
                best = t;
            }
        }
        return best;
    }

    private static Set<String> words(String text) {
        Set<String> w = new HashSet<>();
        for (String s : text.toLowerCase(Locale.ROOT).split("\\s+")) if (!s.isBlank()) w.add(s);
        return w;
    }
}
