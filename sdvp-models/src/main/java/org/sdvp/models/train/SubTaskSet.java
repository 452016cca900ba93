package org.sdvp.models.train;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sdvp.core.value.Box;

/**
 * The examples of one training run, per sub-task. Its {@link #sha256()} covers every pixel, text and
 * label in order, so a checkpoint's provenance pins exactly the data it was trained on.
 */
public record SubTaskSet(List<VqaExample> vqa, List<MatchExample> match, List<LocExample> loc) {
    public SubTaskSet {
        vqa = List.copyOf(vqa);
        match = List.copyOf(match);
        loc = List.copyOf(loc);
    }

    public int size() { return vqa.size() + match.size() + loc.size(); }

    /** Every text the networks read (questions, match texts, phrases), for building the word vocabulary. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        vqa.forEach(e -> out.add(e.question()));
        match.forEach(e -> out.add(e.text()));
        loc.forEach(e -> out.add(e.phrase()));
        return out;
    }

    public String sha256() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (VqaExample e : vqa) {
            image(md, e.image());
            text(md, "vqa|" + e.question() + "|" + e.answer() + "|" + e.style() + "|" + e.form());
        }
        for (MatchExample e : match) {
            image(md, e.image());
            text(md, "match|" + e.text() + "|" + e.matches() + "|" + e.style());
        }
        for (LocExample e : loc) {
            image(md, e.image());
            StringBuilder b = new StringBuilder("loc|" + e.phrase() + "|" + e.style());
            for (Box x : e.boxes()) b.append('|').append(x.x1()).append(',').append(x.y1()).append(',')
                    .append(x.x2()).append(',').append(x.y2());
            text(md, b.toString());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void text(MessageDigest md, String s) { md.update(s.getBytes(StandardCharsets.UTF_8)); }

    private static void image(MessageDigest md, BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] row = new int[w];
        byte[] bytes = new byte[w * 4];
        text(md, w + "x" + h);
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
    }
}
