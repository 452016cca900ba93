package org.sdvp.core.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** The bad image files of the reliability tests: each kind of damage a dataset's images can have. */
public final class BadImages {
    private BadImages() {}

    /** A valid PNG of noise (noise does not compress, so cutting it anywhere cuts pixel data). */
    public static byte[] noisePng(int size, long seed) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) img.setRGB(x, y, r.nextInt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A PNG of 57 bytes whose header announces {@code width × height} RGB pixels: a decompression bomb's header. */
    public static byte[] bombPng(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A valid JPEG of a smooth gradient (GQA's and NLVR2's images are JPEGs). */
    public static byte[] gradientJpeg(int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) img.setRGB(x, y, (x * 7 & 255) << 16 | (y * 5 & 255) << 8 | (x + y) & 255);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    /**
     * Writes each kind of bad image into {@code dir}: empty.png, truncated.png, truncated.jpg (cut half-way:
     * ImageIO would decode it with grey rows and a warning), text.png, bomb.png.
     */
    public static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("empty.png"), new byte[0]);
        byte[] png = noisePng(64, 1);
        Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 2));
        byte[] jpeg = gradientJpeg(200, 150);
        Files.write(dir.resolve("truncated.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.writeString(dir.resolve("text.png"), "this is not an image\n");
        Files.write(dir.resolve("bomb.png"), bombPng(50_000, 50_000));
    }
}
