package org.sdvp.world.style;

import java.util.Objects;

/**
 * A visual domain: background, light, atmosphere and clutter. Styles change only how a scene looks, never
 * what is in it, so the same scene rendered in two styles has the same annotations.
 *
 * @param name           the name used by {@code --style}
 * @param description    one line for help texts and docs
 * @param wallTop        background colour at the top of the image (RGB)
 * @param wallBottom     background colour at the horizon
 * @param floorFar       floor colour at the horizon
 * @param floorNear      floor colour at the bottom of the image
 * @param tint           per-channel multipliers of the light (colour cast)
 * @param gain           overall brightness multiplier
 * @param contrast       contrast about mid-gray (1 = unchanged, below 1 = flatter)
 * @param shadow         opacity of contact shadows (0–1)
 * @param fog            haze opacity at the horizon (0–1); it thins towards the camera
 * @param fogColor       haze colour (RGB)
 * @param noise          amplitude of per-pixel luminance noise (0–255 scale)
 * @param texture        whether the floor carries a tiled texture
 * @param distractors    maximum number of flat distractor blobs painted on the floor
 */
public record Style(
        String name,
        String description,
        int wallTop,
        int wallBottom,
        int floorFar,
        int floorNear,
        double[] tint,
        double gain,
        double contrast,
        double shadow,
        double fog,
        int fogColor,
        double noise,
        boolean texture,
        int distractors) {
    public Style {
        Objects.requireNonNull(name, "name");
        if (tint.length != 3) throw new IllegalArgumentException("tint needs 3 channels");
        tint = tint.clone();
    }

    @Override
    public double[] tint() {
        return tint.clone();
    }

    double tint(int channel) {
        return tint[channel];
    }
}
