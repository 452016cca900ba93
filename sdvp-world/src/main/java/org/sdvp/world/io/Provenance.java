package org.sdvp.world.io;

import java.util.Objects;

/**
 * How a generated split was made; written as the {@code info} of every file, so a file names its own seed.
 *
 * @param generator generator version: bump it whenever the same seed would give different scenes or pixels
 */
public record Provenance(
        String generator, String task, String split, long seed, String style, int count, int width, int height) {
    /** The world generator's version; part of the determinism contract (same version + seed = same bytes). */
    public static final String VERSION = "sdvp-world/2";

    public Provenance {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(style, "style");
    }
}
