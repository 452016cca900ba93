package org.sdvp.world.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sdvp.world.scene.IdBuffer;
import org.sdvp.world.scene.ObjectView;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.scene.SceneObject;
import org.sdvp.world.style.Style;
import org.sdvp.world.style.Styles;

class RendererTest {
    private final Renderer renderer = new Renderer();
    private final Scene scene =
            new SceneGenerator(SceneGenerator.Config.defaults()).next(new SplittableRandom(3), "studio", "a.png");

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void sameSceneAndStyleGiveIdenticalPixels() {
        for (Style s : Styles.all()) {
            assertArrayEquals(pixels(renderer.render(scene, s)), pixels(renderer.render(scene, s)), s.name());
        }
    }

    @Test
    void everyStyleLooksDifferentFromEveryOther() {
        List<Style> all = Styles.all();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                double d = meanAbsDiff(renderer.render(scene, all.get(i)), renderer.render(scene, all.get(j)));
                assertTrue(d > 8, all.get(i).name() + " vs " + all.get(j).name() + ": mean difference " + d);
            }
        }
    }

    @Test
    void metalShowsASpecularHighlightRubberDoesNot() {
        for (String shape : List.of("sphere", "cube", "cylinder", "cone")) {
            int metal = brightest(single(shape, "metal")), rubber = brightest(single(shape, "rubber"));
            assertTrue(metal > rubber + 40, shape + ": brightest metal " + metal + " vs rubber " + rubber);
        }
    }

    private static Scene single(String shape, String material) {
        List<SceneObject> objs = List.of(new SceneObject("large", "blue", material, shape, 64, 100, 14));
        List<ObjectView> views = new IdBuffer(128, 128).views(objs);
        return new Scene("x.png", 128, 128, "studio", 1, objs, views);
    }

    private int brightest(Scene s) {
        BufferedImage img = renderer.render(s, Styles.get("studio"));
        ObjectView v = s.view(0);
        int best = 0;
        for (int y = v.y1(); y < v.y2(); y++) {
            for (int x = v.x1(); x < v.x2(); x++) {
                int p = img.getRGB(x, y);
                best = Math.max(best, ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff));
            }
        }
        return best / 3;
    }

    private static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        int[] pa = pixels(a), pb = pixels(b);
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int sh = 0; sh <= 16; sh += 8) sum += Math.abs(((pa[i] >> sh) & 0xff) - ((pb[i] >> sh) & 0xff));
        }
        return sum / (3.0 * pa.length);
    }
}
