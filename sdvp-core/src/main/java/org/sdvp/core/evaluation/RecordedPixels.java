package org.sdvp.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.sdvp.core.io.Images;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.trace.ToolCall;
import org.sdvp.core.value.ImageValue;

/**
 * The pixels a question file records for the steps whose image no reader can make again. Traces record images
 * as provenance (source, region, edits): {@code COLORPOP}, {@code BGBLUR} and {@code EMOJI} are deterministic, so
 * {@code sdvp serve} replays them, but {@code REPLACE}'s pixels come from an image-editing backend (the world
 * oracle's re-rendering, an inpainting model) that a reader does not run. For those steps the step's line gets
 * {@code "pixels"}: its result as a base64 PNG — at most {@link #MAX_IMAGE_BYTES} characters; a larger one gets
 * {@code "pixelsLeftOut"} with the reason instead.
 */
public final class RecordedPixels {
    /** Base64 characters of one recorded image (192 KB of PNG: a 512 × 512 photograph-like image). */
    public static final int MAX_IMAGE_BYTES = 256 << 10;

    static final String KEY = "pixels";
    static final String LEFT_OUT = "pixelsLeftOut";
    private static final String NEEDLE = "\"" + KEY + "\":\"";

    private RecordedPixels() {}

    /** Whether {@code step}'s result is an image a backend drew (a REPLACE call), which a reader cannot replay. */
    static boolean needed(StepRecord step) {
        return step.result().orElse(null) instanceof ImageValue
                && step.tools().stream().map(ToolCall::tool).anyMatch("REPLACE"::equals);
    }

    /** Adds the step's result pixels (or why they are left out) to its JSON line. */
    static void add(ObjectNode line, StepRecord step) {
        String png = Base64.getEncoder()
                .encodeToString(png(((ImageValue) step.result().orElseThrow()).pixels()));
        if (png.length() <= MAX_IMAGE_BYTES) line.put(KEY, png);
        else line.put(LEFT_OUT, "a " + png.length() + "-character PNG, over the " + MAX_IMAGE_BYTES + " allowed");
    }

    /** Characters of recorded pixels in a question's JSON line (a scan: base64 holds no quote). */
    static int bytes(String line) {
        int total = 0;
        for (int at = line.indexOf(NEEDLE); at >= 0; at = line.indexOf(NEEDLE, at)) {
            int start = at + NEEDLE.length(), end = line.indexOf('"', start);
            if (end < 0) break;
            total += end - start;
            at = end;
        }
        return total;
    }

    /** The line without its recorded pixels, each step saying why they were left out. */
    static JsonNode strip(JsonNode line, String why) {
        JsonNode copy = line.deepCopy();
        for (JsonNode step : copy.path("steps")) {
            if (step instanceof ObjectNode s && s.has(KEY)) {
                s.remove(KEY);
                s.put(LEFT_OUT, why);
            }
        }
        return copy;
    }

    /**
     * The pixels recorded for a step of a question file, when it has them and they decode to a
     * {@code width × height} image ({@code TYPE_INT_RGB}); the size is checked from the PNG's header, before
     * decoding, so a file under a served folder cannot make a reader allocate more.
     */
    public static Optional<BufferedImage> read(JsonNode step, int width, int height) {
        JsonNode text = step.get(KEY);
        if (text == null || !text.isTextual() || text.asText().length() > MAX_IMAGE_BYTES) return Optional.empty();
        try (ImageInputStream in = ImageIO.createImageInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(text.asText())))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            if (in == null || !readers.hasNext()) return Optional.empty();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) != width || reader.getHeight(0) != height) return Optional.empty();
                return Optional.of(Images.toRgb(reader.read(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not base64, not a PNG, cut off: drawn as if not recorded
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }
}
