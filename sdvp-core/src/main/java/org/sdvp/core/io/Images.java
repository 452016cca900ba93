package org.sdvp.core.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sdvp.core.value.ImageValue;

/** Reads images by content, not by name (NLVR2 ships JPEGs named .png). */
public final class Images {
    private Images() {}

    /**
     * Loads {@code path} as a source image whose id is its file name (the oracle and the trace refer to
     * images by that id).
     *
     * @throws DataException naming the path when the file is missing or not a readable image
     */
    public static ImageValue load(Path path) throws DataException {
        if (!Files.isRegularFile(path)) throw new DataException("image not found: " + path);
        BufferedImage raw;
        try {
            raw = ImageIO.read(path.toFile());
        } catch (IOException e) {
            throw new DataException("cannot read image " + path + ": " + e.getMessage(), e);
        }
        if (raw == null) throw new DataException("not a PNG or JPEG image: " + path);
        return ImageValue.source(path.getFileName().toString(), toRgb(raw));
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
