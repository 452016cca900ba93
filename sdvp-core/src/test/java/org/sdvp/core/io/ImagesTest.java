package org.sdvp.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.DataException.Kind;

class ImagesTest {
    @TempDir
    Path dir;

    private DataException refused(String name) {
        return assertThrows(DataException.class, () -> Images.load(dir.resolve(name)));
    }

    @Test
    void eachKindOfBadImageIsRefusedWithItsKindAndPath() throws Exception {
        BadImages.writeAll(dir);
        assertEquals(Kind.MISSING_FILE, refused("absent.png").kind());
        assertEquals(Kind.EMPTY_FILE, refused("empty.png").kind());
        assertEquals(Kind.TRUNCATED_IMAGE, refused("truncated.png").kind());
        assertEquals(Kind.TRUNCATED_IMAGE, refused("truncated.jpg").kind());
        assertEquals(Kind.NOT_AN_IMAGE, refused("text.png").kind());
        DataException bomb = refused("bomb.png");
        assertEquals(Kind.IMAGE_TOO_LARGE, bomb.kind());
        assertTrue(
                bomb.getMessage().contains("50000 x 50000")
                        && bomb.getMessage().contains(dir.resolve("bomb.png").toString()),
                bomb.getMessage());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutAllocatingItsPixels() throws Exception {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, BadImages.bombPng(50_000, 50_000)); // 7.5 GB of RGB if decoded
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        assertThrows(DataException.class, () -> Images.load(bomb)); // warm up ImageIO's registry
        long before = threads.getThreadAllocatedBytes(id);
        assertThrows(DataException.class, () -> Images.load(bomb));
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 50L << 20, "allocated " + allocated + " bytes");
    }

    @Test
    void aJpegCutMidStreamIsRefusedNotReturnedHalfGrey() throws Exception {
        byte[] jpeg = BadImages.gradientJpeg(200, 150);
        Path whole = dir.resolve("whole.jpg"), cut = dir.resolve("cut.jpg");
        Files.write(whole, jpeg);
        Files.write(cut, java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        assertEquals(200, Images.load(whole).width());
        DataException e = refused("cut.jpg");
        assertEquals(Kind.TRUNCATED_IMAGE, e.kind());
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aGoodImageStillLoads() throws Exception {
        Path ok = dir.resolve("ok.png");
        Files.write(ok, BadImages.noisePng(16, 2));
        assertEquals(16, Images.load(ok).width());
    }

    /**
     * Files are read whole and decoded from memory (one read instead of a system call per few hundred bytes):
     * the decoder sees the same bytes, so the pixels are those ImageIO decodes from the file itself.
     */
    @Test
    void imagesDecodeToTheSamePixelsAsImageIoReadingTheFile() throws Exception {
        Path png = dir.resolve("noise.png"), jpg = dir.resolve("gradient.jpg");
        Files.write(png, BadImages.noisePng(37, 5));
        Files.write(jpg, BadImages.gradientJpeg(61, 40));
        for (Path p : List.of(png, jpg)) {
            java.awt.image.BufferedImage expected = javax.imageio.ImageIO.read(p.toFile());
            java.awt.image.BufferedImage got = Images.read(p);
            assertEquals(expected.getType(), got.getType(), p.toString());
            int w = expected.getWidth(), h = expected.getHeight();
            assertEquals(w, got.getWidth());
            assertEquals(h, got.getHeight());
            assertArrayEquals(
                    expected.getRGB(0, 0, w, h, null, 0, w), got.getRGB(0, 0, w, h, null, 0, w), p.toString());
        }
    }
}
