package org.sdvp.core.module;

import java.util.Locale;

/**
 * Choices that change what a module means, fixed per run ({@code sdvp run --depth-crops}).
 *
 * @param depthCrops how CROP_FRONTOF, CROP_INFRONTOF, CROP_INFRONT, CROP_AHEAD and CROP_BEHIND cut
 */
public record ModuleOptions(DepthCrops depthCrops) {

    /** VisProg's behaviour everywhere. */
    public static final ModuleOptions DEFAULT = new ModuleOptions(DepthCrops.BOX);

    /** The meanings a depth crop can have. */
    public enum DepthCrops {
        /** VisProg's: the same crop as CROP, around the box enlarged ×1.5 (VisProg has no depth). */
        BOX,
        /**
         * Depth on a ground plane seen from above (the world's camera), where nearer means lower in the image:
         * in front of = the image below the box's centre row; behind = the image above it (full width).
         */
        GROUND;

        public static DepthCrops parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown depth-crop mode '" + text + "'; expected box or ground");
            }
        }
    }
}
