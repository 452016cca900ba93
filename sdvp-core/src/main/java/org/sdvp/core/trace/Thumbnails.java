package org.sdvp.core.trace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.Mask;
import org.sdvp.core.value.SegmentsValue;

/**
 * Small PNG data URIs of images, with boxes and labels drawn, for self-contained HTML.
 *
 * <p>Two things make a rationale page cheap to draw (a JFR profile of {@code sdvp serve bench} had 94 % of a
 * first-drawn rationale's CPU samples in {@link #dataUri}, 89 % in {@code ImageIO.write}):
 *
 * <ul>
 *   <li>the PNG is written by {@link #png}, not {@code ImageIO}: one filter (Up) for every row and the fastest
 *       deflate level, about 2.5 × less CPU than the JDK's PNG writer (which tries five filters per row and reads
 *       the pixels band by band); on a world scene about as large (12.3 KB against 13.5 KB for a 128 × 128 scene
 *       drawn at 192 × 192), on flat synthetic images up to twice as large (still a few KB);
 *   <li>data URIs are kept by content ({@link #cached}): a rationale shows the same image several times (the
 *       initial image, each step's input), and a question page shows the same question under two rows.
 * </ul>
 */
public final class Thumbnails {
    /** Characters of data URIs kept in memory (least recently used out first): about 16 MB. */
    static final long MAX_CACHED_CHARS = 16L << 20;

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final int FILTER_UP = 2;
    private static final Map<Key, String> CACHE = new LinkedHashMap<>(256, 0.75f, true);
    private static long cachedChars;

    private Thumbnails() {}

    /** What a data URI is drawn from: the pixels (by SHA-256), their size, the boxes and the thumbnail size. */
    private record Key(String sha256, int width, int height, List<Detection> boxes, int maxSide) {}

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

    /**
     * {@code image} scaled so its longer side is at most {@code maxSide} (and at most 4 × larger), boxes drawn,
     * as a PNG data URI; the same pixels, boxes and size give the same string, drawn once while it stays cached.
     */
    public static String dataUri(BufferedImage image, List<Detection> boxes, int maxSide) {
        Key key = new Key(sha256(image), image.getWidth(), image.getHeight(), List.copyOf(boxes), maxSide);
        return cached(
                key,
                () -> "data:image/png;base64," + Base64.getEncoder().encodeToString(png(drawn(image, boxes, maxSide))));
    }

    private static String cached(Key key, java.util.function.Supplier<String> draw) {
        synchronized (CACHE) {
            String hit = CACHE.get(key);
            if (hit != null) return hit;
        }
        String uri = draw.get(); // outside the lock: two threads may draw the same image once each
        synchronized (CACHE) {
            if (CACHE.put(key, uri) == null) cachedChars += uri.length();
            var eldest = CACHE.entrySet().iterator();
            while (cachedChars > MAX_CACHED_CHARS && eldest.hasNext()) {
                cachedChars -= eldest.next().getValue().length();
                eldest.remove();
            }
        }
        return uri;
    }

    /** Data URIs held by the cache now (for tests). */
    static int cachedCount() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    /**
     * {@code image} scaled so its longer side is at most {@code maxSide} (and at most 4 × larger), boxes drawn: the
     * pixels {@link #dataUri} writes (public for sdvp-bench's {@code ThumbnailsBench}).
     */
    public static BufferedImage drawn(BufferedImage image, List<Detection> boxes, int maxSide) {
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
        return out;
    }

    /**
     * {@code image} as an 8-bit RGB PNG (no alpha, no metadata): every row filtered with Up (each byte minus
     * the one above it), then deflated at {@link Deflater#BEST_SPEED}. Any PNG reader decodes it to the same
     * pixels. (Public for sdvp-bench's {@code ThumbnailsBench}, which sets it against {@code ImageIO}.)
     */
    public static byte[] png(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int stride = 1 + 3 * w;
        byte[] raw = new byte[h * stride];
        for (int y = 0; y < h; y++) {
            int at = y * stride, row = y * w;
            raw[at++] = FILTER_UP;
            for (int x = 0; x < w; x++) {
                int p = rgb[row + x], up = y == 0 ? 0 : rgb[row - w + x];
                raw[at++] = (byte) ((p >> 16) - (up >> 16));
                raw[at++] = (byte) ((p >> 8) - (up >> 8));
                raw[at++] = (byte) (p - up);
            }
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length / 4 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 8192)) {
            z.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deflate in memory", e);
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        ByteArrayOutputStream file = new ByteArrayOutputStream(idat.size() + 64);
        try (DataOutputStream ihdr = new DataOutputStream(header);
                DataOutputStream out = new DataOutputStream(file)) {
            ihdr.writeInt(w);
            ihdr.writeInt(h);
            ihdr.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, truecolour, deflate, adaptive filtering, no interlace
            out.write(SIGNATURE);
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a PNG in memory", e);
        }
        return file.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    private static String sha256(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        ByteBuffer bytes = ByteBuffer.allocate(4 * w * h);
        bytes.asIntBuffer().put(image.getRGB(0, 0, w, h, null, 0, w));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
