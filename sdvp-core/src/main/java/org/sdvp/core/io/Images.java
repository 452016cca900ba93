package org.sdvp.core.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;
import org.sdvp.core.io.DataException.Kind;
import org.sdvp.core.value.ImageValue;

/**
 * Reads images by content, not by name (NLVR2 ships JPEGs named .png), and refuses what would hurt the
 * run: a missing, empty, truncated or non-image file is a {@link DataException} of its own kind, and an
 * image whose header announces more than {@link #MAX_PIXELS} pixels (a decompression bomb: a few hundred
 * bytes can announce 50,000 × 50,000) is refused from its header, before any pixel memory is allocated.
 */
public final class Images {
    /** 64 megapixels: 16× a 4K frame, far beyond any benchmark image. */
    public static final long MAX_PIXELS = 64L << 20;

    private Images() {}

    /**
     * Loads {@code path} as a source image whose id is its file name (the oracle and the trace refer to
     * images by that id).
     *
     * @throws DataException naming the path when the file is missing, empty, not a readable image, or too large
     */
    public static ImageValue load(Path path) throws DataException {
        return ImageValue.source(path.getFileName().toString(), toRgb(read(path)));
    }

    /** The decoded image as stored, after the checks of {@link #load}. */
    public static BufferedImage read(Path path) throws DataException {
        if (!Files.isRegularFile(path)) throw new DataException(Kind.MISSING_FILE, "image not found: " + path);
        try (ImageInputStream in = open(path)) {
            if (in == null || in.length() == 0) throw new DataException(Kind.EMPTY_FILE, "empty image file: " + path);
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new DataException(Kind.NOT_AN_IMAGE, "not a PNG or JPEG image: " + path);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0), h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
                    throw new DataException(
                            Kind.IMAGE_TOO_LARGE,
                            "image " + path + " announces " + w + " x " + h + " pixels, more than the " + MAX_PIXELS
                                    + " allowed; refused before decoding");
                }
                // a JPEG cut mid-stream decodes without an exception: libjpeg fills the rest with grey and only
                // warns ("Truncated File - Missing EOI marker", "premature end of data segment")
                List<String> cut = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    String text = warning.toLowerCase(java.util.Locale.ROOT);
                    if (text.contains("truncated") || text.contains("premature end")) cut.add(warning);
                });
                BufferedImage image = reader.read(0);
                if (!cut.isEmpty()) {
                    throw new DataException(
                            Kind.TRUNCATED_IMAGE,
                            "cannot read image " + path + " (truncated: " + String.join("; ", cut)
                                    + "); refused rather than returned with grey rows");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports a cut-off or corrupt stream as IIOException, EOFException or, from some
            // decoders, an unchecked exception (e.g. ArrayIndexOutOfBounds on a damaged chunk)
            throw new DataException(
                    Kind.TRUNCATED_IMAGE,
                    "cannot read image " + path + " (truncated or corrupt): " + e.getMessage(),
                    e);
        }
    }

    /** Files up to this size are read whole before decoding; larger ones are streamed from the file. */
    static final long READ_WHOLE_BYTES = 64L << 20;

    /**
     * The file as an image stream. ImageIO's own file stream reads straight from a {@code RandomAccessFile},
     * a system call for every few hundred bytes the PNG decoder asks for (in a profile of an evaluation, file
     * reads were the largest native cost of the program threads); reading the file in one go and decoding from
     * memory gives the decoder the same bytes.
     */
    private static ImageInputStream open(Path path) throws IOException {
        if (Files.size(path) > READ_WHOLE_BYTES) return ImageIO.createImageInputStream(path.toFile());
        byte[] bytes = Files.readAllBytes(path);
        return new MemoryImageInputStream(bytes);
    }

    /** An image stream over a file's bytes in memory; it knows its length, as a file stream does. */
    private static final class MemoryImageInputStream extends ImageInputStreamImpl {
        private final byte[] bytes;

        MemoryImageInputStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            checkClosed();
            bitOffset = 0;
            return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkClosed();
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            bitOffset = 0;
            if (len == 0) return 0;
            if (streamPos >= bytes.length) return -1;
            int n = (int) Math.min(len, bytes.length - streamPos);
            System.arraycopy(bytes, (int) streamPos, b, off, n);
            streamPos += n;
            return n;
        }

        @Override
        public long length() {
            return bytes.length;
        }
    }

    /** A copy in {@code TYPE_INT_RGB}, the one pixel layout the modules and models read. */
    public static BufferedImage toRgb(BufferedImage raw) {
        if (raw.getType() == BufferedImage.TYPE_INT_RGB) return raw;
        BufferedImage rgb = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(raw, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
