package org.sdvp.world.oracle;

import java.awt.image.BufferedImage;
import org.sdvp.core.value.ImageValue;

/** Applies a re-rendering to an image that may already be edited or cropped. */
final class Edits {
    private Edits() {}

    /**
     * The image's pixels, except where {@code after} differs from {@code before} (both whole source renders):
     * there the new render's. So the edit changes exactly the pixels the attribute change changes, keeps
     * earlier edits elsewhere, and equals the full re-render when the input is the unedited source.
     */
    static BufferedImage onto(ImageValue image, BufferedImage before, BufferedImage after) {
        int x0 = (int) image.region().x1(), y0 = (int) image.region().y1();
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int b = before.getRGB(x0 + x, y0 + y), a = after.getRGB(x0 + x, y0 + y);
                out.setRGB(x, y, a != b ? a : image.pixels().getRGB(x, y));
            }
        }
        return out;
    }
}
