package org.sdvp.core.trace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.SegmentsValue;

/** Small PNG data URIs of images, with boxes and labels drawn, for self-contained HTML. */
public final class Thumbnails {
    private Thumbnails() {}

    /** A copy of {@code image} with each mask's pixels tinted in its own colour, when the masks fit the image. */
    public static BufferedImage tintMasks(BufferedImage image, SegmentsValue masks) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) out.setRGB(x, y, image.getRGB(x, y));
        }
        int[] tints = {0xFF4040, 0x40A0FF, 0x40FF60, 0xFFD040, 0xD040FF, 0x40FFFF};
        for (int k = 0; k < masks.size(); k++) {
            Mask m = masks.segments().get(k).mask();
            if (m.width() != image.getWidth() || m.height() != image.getHeight()) continue;
            int t = tints[k % tints.length];
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    if (!m.get(x, y)) continue;
                    int p = out.getRGB(x, y);
                    int mixed = 0;
                    for (int shift = 0; shift <= 16; shift += 8) {
                        mixed |= ((((p >> shift) & 255) + ((t >> shift) & 255)) / 2) << shift;
                    }
                    out.setRGB(x, y, mixed);
                }
            }
        }
        return out;
    }

    /** {@code image} scaled so its longer side is at most {@code maxSide}, boxes drawn, as a data URI. */
    public static String dataUri(BufferedImage image, List<Detection> boxes, int maxSide) {
        double scale = Math.min(1.0 * maxSide / Math.max(image.getWidth(), image.getHeight()), 4.0);
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(2f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        for (Detection d : boxes) {
            int x = (int) (d.box().x1() * scale), y = (int) (d.box().y1() * scale);
            int bw = (int) (d.box().width() * scale), bh = (int) (d.box().height() * scale);
            g.setColor(new Color(255, 64, 64));
            g.drawRect(x, y, bw, bh);
            if (!d.label().isEmpty()) {
                int tw = g.getFontMetrics().stringWidth(d.label()) + 4;
                g.fillRect(x, Math.max(0, y - 13), tw, 13);
                g.setColor(Color.WHITE);
                g.drawString(d.label(), x + 2, Math.max(10, y - 3));
            }
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
