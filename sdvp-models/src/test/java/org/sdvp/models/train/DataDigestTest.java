package org.sdvp.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A checkpoint's provenance records the digest of its training data, so reading the pixels faster must not
 * change a single digest: the row-wise read of {@code TYPE_INT_RGB} images gives the bytes of
 * {@link BufferedImage#getRGB}, whatever the raster's unused top byte holds.
 */
class DataDigestTest {

    /** The digest as first written: every pixel through {@code getRGB}. */
    private static String reference(BufferedImage img, String text) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        int w = img.getWidth(), h = img.getHeight();
        md.update((w + "x" + h).getBytes(StandardCharsets.UTF_8));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                md.update(new byte[] {(byte) (p >>> 24), (byte) (p >>> 16), (byte) (p >>> 8), (byte) p});
            }
        }
        md.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR})
    void digestsAreThoseOfGetRgbBytes(int type) throws Exception {
        SplittableRandom r = new SplittableRandom(type);
        BufferedImage img = new BufferedImage(23, 17, type);
        for (int y = 0; y < 17; y++) for (int x = 0; x < 23; x++) img.setRGB(x, y, r.nextInt());
        assertEquals(
                reference(img, "vqa|what"),
                new DataDigest().image(img).text("vqa|what").hex());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5})
    void anRgbRasterWithJunkInItsTopByteAndASubimageDigestAsGetRgbSeesThem(int offset) throws Exception {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        int[] raw = new int[30 * 20];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < raw.length; i++) raw[i] = r.nextInt(); // top byte set: getRGB ignores it
        img.getRaster().setDataElements(0, 0, 30, 20, raw);
        BufferedImage sub = img.getSubimage(offset, offset, 30 - offset, 20 - offset);
        assertEquals(reference(sub, ""), new DataDigest().image(sub).hex());
        BufferedImage changed = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        changed.setData(img.getData());
        changed.setRGB(3, 4, changed.getRGB(3, 4) ^ 1);
        assertNotEquals(
                new DataDigest().image(img).hex(),
                new DataDigest().image(changed).hex());
    }
}
