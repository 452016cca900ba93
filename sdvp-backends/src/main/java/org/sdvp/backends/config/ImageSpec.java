package org.sdvp.backends.config;

import java.util.List;

/**
 * How an image becomes {@code pixel_values}: resized to {@code size} (height, width) by {@code resize}, its
 * 0–255 RGB values multiplied by {@code rescale} (Hugging Face's {@code rescale_factor}, 1/255 by default),
 * then normalised per channel with {@code mean} and {@code std}.
 *
 * @param resize {@code stretch} (to the size, aspect ratio lost: OWL-ViT), {@code pad} (aspect kept, scaled to
 *               fit, padded right and below with {@code fill}: OWLv2, ViLT's pixel_mask marks the image),
 *               {@code center-crop} (aspect kept, scaled to cover, centre cut out: CLIP)
 * @param fill   the padding colour, 0–255 RGB (grey 128 by default)
 */
public record ImageSpec(
        List<Integer> size, String resize, Double rescale, List<Double> mean, List<Double> std, List<Integer> fill) {

    public static final List<String> RESIZE_MODES = List.of("stretch", "pad", "center-crop");

    public int height() {
        return size.get(0);
    }

    public int width() {
        return size.get(1);
    }

    public double rescaleOrDefault() {
        return rescale == null ? 1.0 / 255 : rescale;
    }

    public String resizeOrDefault() {
        return resize == null ? "stretch" : resize;
    }

    public List<Integer> fillOrDefault() {
        return fill == null ? List.of(128, 128, 128) : fill;
    }
}
