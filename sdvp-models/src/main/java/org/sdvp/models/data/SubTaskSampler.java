package org.sdvp.models.data;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.VqaExample;
import org.sdvp.world.program.VqaForms;
import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneObject;

/**
 * Draws sub-task examples from one rendered scene, shaped like the calls of the world's converted programs:
 * object crops are cut as {@code CROP} cuts them (the visible box enlarged 1.5×), questions are written by
 * {@link VqaForms}, and LOC boxes are the objects' visible boxes. All randomness comes from the caller's
 * generator, in a fixed order.
 *
 * @param vqaCrops VQA questions about one object's crop, per scene
 * @param vqaWhole VQA questions about the whole image (exist, how many, query/verify a unique object)
 * @param matches MATCH examples on object crops (half positive)
 * @param locs LOC examples on the whole image
 * @param locCrops LOC examples on a directional crop (the part of the image left of, right of, above or
 *     below an object, as {@code CROP_LEFTOF} etc. cut it)
 */
public record SubTaskSampler(int vqaCrops, int vqaWhole, int matches, int locs, int locCrops) {
    /** How much {@code CROP} enlarges a box (the core's {@code CropModule.ENLARGE}). */
    static final double ENLARGE = 1.5;

    public void sample(
            Scene scene,
            BufferedImage image,
            SplittableRandom r,
            List<VqaExample> vqa,
            List<MatchExample> match,
            List<LocExample> loc) {
        ImageValue whole = ImageValue.source(scene.imageFilename(), image);
        String style = scene.style();
        for (int k = 0; k < vqaCrops; k++) {
            int i = r.nextInt(scene.size());
            SceneObject o = scene.object(i);
            Description np = partial(o, r);
            Attribute a = Attribute.values()[r.nextInt(4)];
            QA qa = attributeQuestion(np, o, a, r);
            vqa.add(new VqaExample(
                    view(image, crop(whole, scene, i)), qa.question, qa.answer, style, "crop_" + qa.form));
        }
        for (int k = 0; k < vqaWhole; k++) {
            QA qa = wholeQuestion(scene, r);
            vqa.add(new VqaExample(image, qa.question, qa.answer, style, "whole_" + qa.form));
        }
        for (int k = 0; k < matches; k++) {
            int i = r.nextInt(scene.size());
            SceneObject o = scene.object(i);
            boolean positive = r.nextBoolean();
            Description d = matchText(o, r);
            if (!positive) d = corrupt(d, r);
            String text = d.constraints() == 1 && d.shape() == null ? d.phrase().replace(" object", "") : d.phrase();
            match.add(new MatchExample(view(image, crop(whole, scene, i)), text, d.matches(o), style));
        }
        for (int k = 0; k < locs; k++) {
            Description np = locPhrase(scene, r);
            List<Box> boxes = new ArrayList<>(), objects = new ArrayList<>();
            for (int i = 0; i < scene.size(); i++) {
                Box b = scene.view(i).box();
                if (b.isEmpty()) continue;
                objects.add(b);
                if (np.matches(scene.object(i))) boxes.add(b);
            }
            loc.add(new LocExample(image, np.phrase(), boxes, objects, style));
        }
        for (int k = 0; k < locCrops; k++) {
            int ref = r.nextInt(scene.size());
            Box v = scene.view(ref).box();
            double w = image.getWidth(), h = image.getHeight();
            Box region = switch (r.nextInt(4)) {
                case 0 -> new Box(0, 0, Math.max(1, v.centerX()), h);
                case 1 -> new Box(Math.min(w - 1, v.centerX()), 0, w, h);
                case 2 -> new Box(0, 0, w, Math.max(1, v.centerY()));
                default -> new Box(0, Math.min(h - 1, v.centerY()), w, h);
            };
            ImageValue part = whole.crop(region);
            Box got = part.region();
            Description np = locPhrase(scene, r);
            List<Box> boxes = new ArrayList<>(), objects = new ArrayList<>();
            for (int i = 0; i < scene.size(); i++) {
                Box b = scene.view(i).box();
                boolean inside = b.centerX() >= got.x1()
                        && b.centerX() < got.x2()
                        && b.centerY() >= got.y1()
                        && b.centerY() < got.y2();
                if (!inside || b.isEmpty()) continue;
                Box local = b.translate(-got.x1(), -got.y1()).clampTo(got.width(), got.height());
                objects.add(local);
                if (np.matches(scene.object(i))) boxes.add(local);
            }
            loc.add(new LocExample(view(image, part), np.phrase(), boxes, objects, style));
        }
    }

    /**
     * The pixels of {@code part} (a crop of {@code image}) as a view that shares {@code image}'s pixel buffer
     * instead of a copy: the same pixel values, so the same network inputs, but a default pretraining holds
     * 60,000 images and the crops' copies were about half of its 0.8 GB of pixels.
     */
    static BufferedImage view(BufferedImage image, ImageValue part) {
        Box r = part.region();
        return image.getSubimage((int) r.x1(), (int) r.y1(), part.width(), part.height());
    }

    /** The crop {@code CROP} would cut around object {@code i}. */
    public static ImageValue crop(ImageValue whole, Scene scene, int i) {
        return whole.crop(scene.view(i).box().scaleAboutCenter(ENLARGE));
    }

    private record QA(String question, String answer, String form) {}

    private static QA attributeQuestion(Description np, SceneObject o, Attribute a, SplittableRandom r) {
        String truth = o.get(a);
        List<String> values = a.vocabulary();
        String other = values.get(r.nextInt(values.size()));
        while (other.equals(truth)) other = values.get(r.nextInt(values.size()));
        switch (r.nextInt(3)) {
            case 0:
                return new QA(new VqaForms.Query(np, a).text(), truth, "query_" + a.word());
            case 1: {
                boolean yes = r.nextBoolean();
                String v = yes ? truth : other;
                return new QA(new VqaForms.Verify(np, a, v).text(), yes ? "yes" : "no", "verify_" + a.word());
            }
            default: {
                boolean first = r.nextBoolean();
                return new QA(
                        new VqaForms.Choose(np, a, first ? truth : other, first ? other : truth).text(),
                        truth,
                        "choose_" + a.word());
            }
        }
    }

    private static QA wholeQuestion(Scene s, SplittableRandom r) {
        int kind = r.nextInt(4);
        if (kind <= 1) {
            Description np = locPhrase(s, r);
            int n = 0;
            for (SceneObject o : s.objects()) if (np.matches(o)) n++;
            if (kind == 0) return new QA(new VqaForms.Exist(np).text(), n > 0 ? "yes" : "no", "exist");
            return new QA(new VqaForms.HowMany(np).text(), Integer.toString(Math.min(n, 10)), "count");
        }
        // query or verify an object that the phrase picks out uniquely
        int i = r.nextInt(s.size());
        SceneObject o = s.object(i);
        Description np = unique(s, i, r);
        Attribute a = Attribute.values()[r.nextInt(4)];
        if (np == null || np.get(a) != null) {
            return new QA(new VqaForms.Exist(new Description(null, o.color(), null, o.shape())).text(), "yes", "exist");
        }
        return attributeQuestion(np, o, a, r);
    }

    /** The shortest phrase (fewest attributes, in a random order of tries) that matches only object i. */
    private static Description unique(Scene s, int i, SplittableRandom r) {
        SceneObject o = s.object(i);
        List<Description> tries = new ArrayList<>();
        for (int mask = 1; mask < 16; mask++) {
            Description d = Description.ANY;
            for (int b = 0; b < 4; b++)
                if ((mask & (1 << b)) != 0) d = d.with(Attribute.values()[b], o.get(Attribute.values()[b]));
            tries.add(d);
        }
        tries.sort(java.util.Comparator.comparingInt(Description::constraints));
        int start = r.nextInt(4);
        for (int c = 1; c <= 4; c++) {
            for (int t = 0; t < tries.size(); t++) {
                Description d = tries.get((t + start) % tries.size());
                if (d.constraints() != c) continue;
                int hits = 0;
                for (SceneObject x : s.objects()) if (d.matches(x)) hits++;
                if (hits == 1) return d;
            }
        }
        return null;
    }

    /** A phrase for LOC / exist / count: usually built from a present object, sometimes random. */
    static Description locPhrase(Scene s, SplittableRandom r) {
        if (r.nextInt(4) == 0) {
            Description d = Description.ANY;
            for (Attribute a : Attribute.values()) {
                if (r.nextInt(3) == 0)
                    d = d.with(a, a.vocabulary().get(r.nextInt(a.vocabulary().size())));
            }
            return d;
        }
        return partial(s.object(r.nextInt(s.size())), r);
    }

    /** The object's description with each attribute kept with probability ½ (shape a little more often). */
    static Description partial(SceneObject o, SplittableRandom r) {
        Description d = Description.ANY;
        for (Attribute a : Attribute.values()) {
            int keep = a == Attribute.SHAPE ? 3 : 2;
            if (r.nextInt(5) < keep) d = d.with(a, o.get(a));
        }
        return d;
    }

    /** A MATCH text: one attribute value ("red"), value + shape ("red cube") or a fuller phrase. */
    private static Description matchText(SceneObject o, SplittableRandom r) {
        Attribute a = Attribute.values()[r.nextInt(4)];
        Description d = Description.ANY.with(a, o.get(a));
        int extra = r.nextInt(3);
        if (extra >= 1 && a != Attribute.SHAPE) d = d.with(Attribute.SHAPE, o.shape());
        if (extra == 2) {
            Attribute b = Attribute.values()[r.nextInt(3)];
            d = d.with(b, o.get(b));
        }
        return d;
    }

    /** The same description with one constrained attribute changed to another value (a hard negative). */
    private static Description corrupt(Description d, SplittableRandom r) {
        List<Attribute> set = new ArrayList<>();
        for (Attribute a : Attribute.values()) if (d.get(a) != null) set.add(a);
        Attribute a = set.get(r.nextInt(set.size()));
        List<String> values = a.vocabulary();
        String v = d.get(a);
        String other = values.get(r.nextInt(values.size()));
        while (other.equals(v)) other = values.get(r.nextInt(values.size()));
        return d.with(a, other);
    }
}
