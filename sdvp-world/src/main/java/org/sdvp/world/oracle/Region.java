package org.sdvp.world.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.data.oracle.CropRule;
import org.sdvp.world.scene.ObjectView;
import org.sdvp.world.scene.Scene;

/**
 * What an image given to the oracle shows: its scene and the part of it (source coordinates). An object
 * is <em>in</em> the image when the centre of its visible box is, by sdvp-data's {@link CropRule} (the
 * one crop-membership rule of both oracles: more than half a pixel inside).
 */
record Region(Scene scene, Box box) {
    static Region of(ImageValue image, SceneIndex index) throws UnknownImage {
        return of(image, index, new EditedScenes());
    }

    /**
     * The region of an image that may be edited: its pixels' scene ({@link EditedScenes}); an edited image
     * whose pixels no known scene describes is refused.
     */
    static Region of(ImageValue image, SceneIndex index, EditedScenes edited) throws UnknownImage {
        Scene original = index.find(image.sourceId()).orElseThrow(() -> new UnknownImage(image.sourceId()));
        Scene s = edited.find(image, original)
                .orElseThrow(() ->
                        new UnknownImage(image.sourceId() + " " + image.region(), String.join("; ", image.edits())));
        return new Region(s, image.region());
    }

    /** Thrown for an image with no scene in the index, or an edited one no scene describes. */
    static final class UnknownImage extends Exception {
        UnknownImage(String id) {
            super("no scene annotation for image '" + id + "' in the oracle's data folder");
        }

        UnknownImage(String id, String edits) {
            super("the oracle cannot answer about edited image " + id + " (" + edits + "): it answers from scene "
                    + "annotations, and only REPLACE's re-rendered scenes are known; COLORPOP, BGBLUR and EMOJI change "
                    + "pixels no annotation describes (a model backend such as vlm:DIR answers from the pixels)");
        }
    }

    boolean contains(int object) {
        ObjectView v = scene.view(object);
        return CropRule.contains(box, v.centerX(), v.centerY());
    }

    List<Integer> objects() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < scene.size(); i++) if (contains(i)) out.add(i);
        return out;
    }

    /** The object nearest the region's centre among {@code candidates}: what a crop around it is about. */
    int nearestCentre(List<Integer> candidates) {
        return candidates.stream()
                .min(Comparator.<Integer>comparingDouble(i -> {
                            ObjectView v = scene.view(i);
                            double dx = v.centerX() - box.centerX(), dy = v.centerY() - box.centerY();
                            return dx * dx + dy * dy;
                        })
                        .thenComparingInt(i -> i))
                .orElseThrow();
    }

    /**
     * The object a crop made around a box (enlarged ×1.5 about its centre, as CROP, SELECT and CLASSIFY do)
     * shows: the one whose visible box best overlaps the region shrunk back by 1.5; -1 if the region holds
     * no object.
     */
    int subject() {
        List<Integer> in = objects();
        if (in.isEmpty()) return -1;
        Box core = box.scaleAboutCenter(1 / 1.5);
        return in.stream()
                .max(Comparator.<Integer>comparingDouble(
                                i -> scene.view(i).box().iou(core))
                        .thenComparing(i -> -i))
                .orElseThrow();
    }
}
