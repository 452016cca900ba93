package org.sdvp.world.oracle;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.world.scene.Scene;

/**
 * The scenes behind edited images, so that the oracle answers a question about an edited image from what the
 * edited image shows. REPLACE re-renders its scene with new attributes; the scene and the pixels it produced
 * are kept here (the most recent {@value #KEPT}). An edited image given to LOC, VQA, MATCH or REPLACE is
 * looked up by its pixels: it is described by a kept scene when it is that scene's render cut to its region
 * (a crop of the edit's result copies pixels exactly), and by the unedited scene when its pixels are still the
 * source's (an edit that changed nothing in that region). Any other edited image (COLORPOP, BGBLUR or EMOJI
 * changed its pixels) has no annotation, and the oracle refuses it rather than answering about the original
 * scene. Thread-safe.
 */
final class EditedScenes {
    static final int KEPT = 256;

    private record Entry(String sourceId, Box region, BufferedImage pixels, Scene scene) {}

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** REPLACE's result: {@code pixels} cover {@code region} of source {@code sourceId} and show {@code scene}. */
    synchronized void add(String sourceId, Box region, BufferedImage pixels, Scene scene) {
        entries.addFirst(new Entry(sourceId, region, pixels, scene));
        while (entries.size() > KEPT) entries.removeLast();
    }

    /** The scene {@code image}'s pixels show: {@code original} for an unedited image. */
    Optional<Scene> find(ImageValue image, Scene original) {
        if (!image.isEdited()) return Optional.of(original);
        synchronized (this) {
            for (Entry e : entries) {
                if (e.sourceId.equals(image.sourceId()) && samePixels(image, e.pixels, e.region))
                    return Optional.of(e.scene);
            }
        }
        BufferedImage source = OracleTools.render(original);
        return samePixels(image, source, new Box(0, 0, source.getWidth(), source.getHeight()))
                ? Optional.of(original)
                : Optional.empty();
    }

    /** {@code image} equals the part of {@code pixels} (covering {@code region} of the source) at its own region. */
    private static boolean samePixels(ImageValue image, BufferedImage pixels, Box region) {
        int dx = (int) (image.region().x1() - region.x1()),
                dy = (int) (image.region().y1() - region.y1());
        if (dx < 0 || dy < 0 || dx + image.width() > pixels.getWidth() || dy + image.height() > pixels.getHeight())
            return false;
        BufferedImage p = image.pixels();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if ((p.getRGB(x, y) & 0xFFFFFF) != (pixels.getRGB(dx + x, dy + y) & 0xFFFFFF)) return false;
            }
        }
        return true;
    }
}
