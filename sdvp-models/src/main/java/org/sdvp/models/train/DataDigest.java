package org.sdvp.models.train;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over training data — every pixel, text and label in order — so a checkpoint's provenance pins
 * exactly the data it was trained on. Not thread-safe (one per digest).
 */
public final class DataDigest {
    private final MessageDigest md;

    public DataDigest() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public DataDigest text(String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * The image's size, then its pixels row by row as ARGB bytes ({@link BufferedImage#getRGB}'s ints). A
     * {@code TYPE_INT_RGB} image (every image the pipeline hands on) is read a row at a time from its raster,
     * with the opaque alpha {@code getRGB} reports: the same bytes without a colour-model call per pixel,
     * which made hashing a stage's targets a visible cost in a profile.
     */
    public DataDigest image(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] row = new int[w];
        byte[] bytes = new byte[w * 4];
        boolean rgb = img.getType() == BufferedImage.TYPE_INT_RGB;
        text(w + "x" + h);
        for (int y = 0; y < h; y++) {
            if (rgb) {
                img.getRaster().getDataElements(0, y, w, 1, row);
                for (int x = 0; x < w; x++) row[x] |= 0xff000000;
            } else {
                img.getRGB(0, y, w, 1, row, 0, w);
            }
            for (int x = 0; x < w; x++) {
                int p = row[x];
                bytes[4 * x] = (byte) (p >>> 24);
                bytes[4 * x + 1] = (byte) (p >>> 16);
                bytes[4 * x + 2] = (byte) (p >>> 8);
                bytes[4 * x + 3] = (byte) p;
            }
            md.update(bytes);
        }
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(md.digest());
    }
}
