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

/** Small PNG data URIs of images, with boxes and labels drawn, for self-contained HTML. */
public final class Thumbnails {
    private Thumbnails() {}

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
