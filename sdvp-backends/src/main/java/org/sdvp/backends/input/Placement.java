package org.sdvp.backends.input;

import org.sdvp.core.value.Box;

/**
 * Where an image landed on the model's input canvas: input pixel = image pixel · scale + offset, per axis.
 * Maps a model's normalised box back to the image it was asked about.
 */
public record Placement(double scaleX, double scaleY, double offsetX, double offsetY, int inputWidth, int inputHeight) {

    /** A normalised cx, cy, w, h box on the input canvas, in the original image's pixels (not clamped). */
    public Box toImage(double cx, double cy, double w, double h) {
        double x1 = ((cx - w / 2) * inputWidth - offsetX) / scaleX, x2 = ((cx + w / 2) * inputWidth - offsetX) / scaleX;
        double y1 = ((cy - h / 2) * inputHeight - offsetY) / scaleY,
                y2 = ((cy + h / 2) * inputHeight - offsetY) / scaleY;
        return new Box(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    }
}
