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

    /** The image's size, then its pixels row by row as ARGB bytes. */
    public DataDigest image(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] row = new int[w];
        byte[] bytes = new byte[w * 4];
        text(w + "x" + h);
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
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
