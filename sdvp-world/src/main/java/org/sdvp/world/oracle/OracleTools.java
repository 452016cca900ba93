package org.sdvp.world.oracle;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.Replacer;
import org.sdvp.core.service.Segmenter;
import org.sdvp.core.service.ToolServices;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.Segment;
import org.sdvp.world.question.Description;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.IdBuffer;
import org.sdvp.world.scene.ObjectView;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneObject;
import org.sdvp.world.style.Styles;

/**
 * The oracle's editing and knowledge tools. SEG: every object's exact visible mask from the ID buffer,
 * labelled with its shape (the world's category, as a COCO segmenter labels "bus"). REPLACE: the scene
 * re-rendered with the objects' colour and/or material changed to the prompt's, exactly as the generator
 * renders. LIST: the world's attribute vocabularies ("colors", "shapes", "materials", "sizes").
 * Stateless apart from the immutable index; thread-safe.
 */
public final class OracleTools {
    private static final Renderer RENDERER = new Renderer();

    private OracleTools() {}

    public static ToolServices create(SceneIndex index) {
        return create(index, new EditedScenes());
    }

    /** @param edited where REPLACE keeps the scenes it rendered, for the oracle's answers about them */
    static ToolServices create(SceneIndex index, EditedScenes edited) {
        return ToolServices.none()
                .withSegmenter(segmenter(index))
                .withReplacer(replacer(index, edited))
                .withLister(OracleTools::list);
    }

    /** Every object's exact visible mask in the scene's coordinates (the ID buffer, recomputed). */
    public static List<Mask> masks(Scene s) {
        List<ObjectView> views = new IdBuffer(s.width(), s.height()).views(s.objects());
        List<Mask> out = new ArrayList<>();
        for (ObjectView v : views) out.add(decode(v.mask(), s.width(), s.height()));
        return out;
    }

    private static Mask decode(List<Integer> runs, int w, int h) {
        BitSet bits = new BitSet(w * h);
        int at = 0;
        boolean set = false;
        for (int run : runs) {
            if (set) bits.set(at, at + run);
            at += run;
            set = !set;
        }
        return new Mask(w, h, bits);
    }

    private static Segmenter segmenter(SceneIndex index) {
        return image -> {
            Scene s = scene(image, index);
            List<Mask> masks = masks(s);
            List<Segment> out = new ArrayList<>();
            for (int i : order(s)) {
                Mask m = window(masks.get(i), image);
                if (m.area() > 0) out.add(new Segment(m, s.object(i).shape(), 1.0));
            }
            return out;
        };
    }

    /** Largest visible area first, then index: the order LOC lists objects in. */
    private static List<Integer> order(Scene s) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) idx.add(i);
        idx.sort((a, b) -> a.equals(b)
                ? 0
                : s.view(a).visibleArea() != s.view(b).visibleArea()
                        ? Integer.compare(s.view(b).visibleArea(), s.view(a).visibleArea())
                        : Integer.compare(a, b));
        return idx;
    }

    private static Mask window(Mask full, ImageValue image) {
        Box r = image.region();
        return full.window((int) r.x1(), (int) r.y1(), image.width(), image.height());
    }

    private static Replacer replacer(SceneIndex index, EditedScenes known) {
        return (image, objects, prompt) -> {
            Scene s = known.find(image, scene(image, index))
                    .orElseThrow(() -> new ModelServiceException("REPLACE on an image whose pixels no scene describes ("
                            + String.join("; ", image.edits()) + "): replace first, then COLORPOP, BGBLUR or EMOJI"));
            Description d = Description.parse(prompt.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new ModelServiceException(
                            "cannot render '" + prompt + "': the world knows colours, materials, "
                                    + "sizes and shapes only (e.g. 'blue metal cube')"));
            if (d.color() == null && d.material() == null) {
                throw new ModelServiceException("'" + prompt + "' names no colour or material; the world re-renders an "
                        + "object with another colour or material");
            }
            List<Mask> masks = masks(s);
            List<SceneObject> edited = new ArrayList<>(s.objects());
            for (Segment seg : objects.segments()) {
                int i = objectOf(seg.mask(), masks, image);
                if (i < 0)
                    throw new ModelServiceException("no object of the scene has the mask of '" + seg.label() + "'");
                SceneObject o = s.object(i);
                for (Attribute a : List.of(Attribute.SIZE, Attribute.SHAPE)) {
                    if (d.get(a) != null && !d.get(a).equals(o.get(a))) {
                        throw new ModelServiceException(
                                "'" + prompt + "' changes the " + a.word() + " of the " + o.describe()
                                        + "; the world re-renders colour and material only (geometry would move other pixels)");
                    }
                }
                edited.set(
                        i,
                        new SceneObject(
                                o.size(),
                                d.color() != null ? d.color() : o.color(),
                                d.material() != null ? d.material() : o.material(),
                                o.shape(),
                                o.x(),
                                o.y(),
                                o.radius()));
            }
            Scene after = new Scene(s.imageFilename(), s.width(), s.height(), s.style(), s.seed(), edited, s.views());
            BufferedImage out = Edits.onto(image, render(s), render(after));
            known.add(image.sourceId(), image.region(), out, after);
            return out;
        };
    }

    /** The scene as the generator renders it (its own style). */
    public static BufferedImage render(Scene s) {
        return RENDERER.render(s, Styles.get(s.style()));
    }

    /** The object whose mask, cut to the image, best overlaps {@code mask}; -1 if none overlaps. */
    private static int objectOf(Mask mask, List<Mask> masks, ImageValue image) {
        int best = -1;
        double bestIou = 0;
        for (int i = 0; i < masks.size(); i++) {
            double iou = window(masks.get(i), image).iou(mask);
            if (iou > bestIou) {
                bestIou = iou;
                best = i;
            }
        }
        return best;
    }

    static List<String> list(String query, int max) throws ModelServiceException {
        String q = query.toLowerCase(Locale.ROOT);
        for (Attribute a : Attribute.values()) {
            if (q.contains(a.word()) || (a == Attribute.COLOR && q.contains("colour"))) {
                return a.vocabulary().subList(0, Math.min(max, a.vocabulary().size()));
            }
        }
        throw new ModelServiceException("the world oracle lists colors, shapes, materials and sizes only, not '" + query
                + "'; use an LLM endpoint (--llm-base-url) for other knowledge");
    }

    private static Scene scene(ImageValue image, SceneIndex index) throws ModelServiceException {
        Optional<Scene> s = index.find(image.sourceId());
        if (s.isEmpty()) {
            throw new ModelServiceException(
                    "no scene annotation for image '" + image.sourceId() + "' in the oracle's data folder");
        }
        return s.get();
    }
}
