package org.sdvp.core.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;

/** Thumbnails are PNGs any reader decodes to the drawn pixels, and each is drawn once per content. */
class ThumbnailsTest {
    private static final String PREFIX = "data:image/png;base64,";

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1, 1", "37, 23", "192, 192", "300, 7"})
    void theOwnPngWriterIsDecodedByImageIoToExactlyThePixels(int w, int h) throws IOException {
        BufferedImage image = noise(w, h, 31L * w + h);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Thumbnails.png(image)));
        assertEquals(w, back.getWidth());
        assertEquals(h, back.getHeight());
        assertArrayEquals(rgb(image), rgb(back));
    }

    @Test
    void aThumbnailIsScaledToItsSideWithItsBoxesDrawnInRed() throws IOException {
        BufferedImage image = flat(96, 48, 0x202020, 1);
        BufferedImage plain = decode(Thumbnails.dataUri(image, List.of(), 192));
        assertEquals(192, plain.getWidth());
        assertEquals(96, plain.getHeight());
        assertEquals(0x202020, plain.getRGB(40, 40) & 0xFFFFFF);
        BufferedImage boxed =
                decode(Thumbnails.dataUri(image, List.of(new Detection(new Box(10, 20, 30, 40), "", 1.0)), 192));
        int edge = boxed.getRGB(40, 40) & 0xFFFFFF; // on the box's top edge: y = 2 × 20
        assertTrue(((edge >> 16) & 255) > 200 && ((edge >> 8) & 255) < 100, Integer.toHexString(edge));
        assertEquals(0x202020, boxed.getRGB(100, 10) & 0xFFFFFF, "away from the box: the image");
    }

    @Test
    void theSamePixelsBoxesAndSizeGiveTheSameCachedStringAndAnyChangeAnother() {
        long seed = System.nanoTime();
        BufferedImage image = noise(64, 64, seed), copy = noise(64, 64, seed);
        List<Detection> boxes = List.of(new Detection(new Box(1, 2, 30, 40), "cube", 0.9));
        String first = Thumbnails.dataUri(image, boxes, 128);
        int cached = Thumbnails.cachedCount();
        assertSame(first, Thumbnails.dataUri(copy, List.copyOf(boxes), 128), "equal content, another image object");
        assertEquals(cached, Thumbnails.cachedCount());

        copy.setRGB(63, 63, copy.getRGB(63, 63) ^ 1); // one bit of one pixel
        assertNotEquals(first, Thumbnails.dataUri(copy, boxes, 128));
        assertNotEquals(first, Thumbnails.dataUri(image, List.of(), 128));
        assertNotEquals(
                first, Thumbnails.dataUri(image, List.of(new Detection(new Box(1, 2, 30, 40), "ball", 0.9)), 128));
        assertNotEquals(first, Thumbnails.dataUri(image, boxes, 96));
    }

    @Test
    void aFlatSceneIsCompressedToUnderATenthOfItsPixelsAndStaysWithinTwiceTheJdkWritersPng() throws IOException {
        BufferedImage scene = flat(192, 192, 0xC8C8D2, 5);
        java.io.ByteArrayOutputStream jdk = new java.io.ByteArrayOutputStream();
        ImageIO.write(scene, "png", jdk);
        int own = Thumbnails.png(scene).length;
        // the fastest deflate level gives up some size on flat images (1,657 B against 931 B here): a data URI
        // on a local page, where encoding time is what the reader waits for
        assertTrue(own < 192 * 192 * 3 / 10, own + " B");
        assertTrue(own <= 2 * jdk.size(), own + " B against the JDK writer's " + jdk.size() + " B");
    }

    private static BufferedImage decode(String uri) throws IOException {
        assertTrue(uri.startsWith(PREFIX), uri.substring(0, Math.min(40, uri.length())));
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(uri.substring(PREFIX.length()))));
    }

    private static int[] rgb(BufferedImage image) {
        int[] px = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < px.length; i++) px[i] &= 0xFFFFFF;
        return px;
    }

    private static BufferedImage noise(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image.setRGB(x, y, rnd.nextInt(1 << 24));
        return image;
    }

    /** A plain background with {@code discs} coloured discs, like the world's rendered scenes. */
    private static BufferedImage flat(int w, int h, int background, int discs) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(background));
        g.fillRect(0, 0, w, h);
        Random rnd = new Random(discs);
        for (int i = 1; i < discs; i++) {
            g.setColor(new java.awt.Color(rnd.nextInt(1 << 24)));
            g.fillOval(rnd.nextInt(w - 20), rnd.nextInt(h - 20), 20, 20);
        }
        g.dispose();
        return image;
    }
}
