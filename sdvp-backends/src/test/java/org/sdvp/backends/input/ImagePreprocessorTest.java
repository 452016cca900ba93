package org.sdvp.backends.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.backends.config.ImageSpec;
import org.sdvp.core.value.Box;

/** Each resize mode puts the image where a model expects it, and a normalised box maps back to image pixels. */
class ImagePreprocessorTest {
    static ImageSpec spec(String resize) {
        return new ImageSpec(List.of(32, 32), resize, null, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5), null);
    }

    static BufferedImage wide() {
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 32);
        g.dispose();
        return img;
    }

    @Test
    void stretchFillsTheCanvasAndNormalises() {
        var p = new ImagePreprocessor(spec("stretch")).prepare(wide());
        assertEquals(3 * 32 * 32, p.pixels().length);
        assertEquals(1.0f, p.pixels()[0], 1e-6f, "white: (1 - 0.5) / 0.5");
        assertEquals(new Box(0, 0, 64, 32), p.placement().toImage(0.5, 0.5, 1, 1));
        assertEquals(32 * 32, java.util.Arrays.stream(p.mask()).sum());
    }

    @Test
    void padKeepsTheAspectTopLeftAndMasksThePadding() {
        var p = new ImagePreprocessor(spec("pad")).prepare(wide());
        assertEquals(32 * 16, java.util.Arrays.stream(p.mask()).sum(), "the image covers the top half");
        assertEquals(1, p.mask()[15 * 32]);
        assertEquals(0, p.mask()[16 * 32]);
        float grey = (128 / 255f - 0.5f) / 0.5f;
        assertEquals(grey, p.pixels()[20 * 32], 1e-6f, "padding is the fill colour");
        assertEquals(new Box(0, 0, 64, 32), p.placement().toImage(0.5, 0.25, 1, 0.5));
    }

    @Test
    void centreCropCoversTheCanvasAndMapsBoxesBackThroughTheOffset() {
        var p = new ImagePreprocessor(spec("center-crop")).prepare(wide());
        assertEquals(new Box(16, 0, 48, 32), p.placement().toImage(0.5, 0.5, 1, 1));
        assertArrayEquals(new long[] {1, 1}, new long[] {p.mask()[0], p.mask()[32 * 32 - 1]});
    }
}
