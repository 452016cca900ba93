package org.sdvp.world.scene;

import java.util.Objects;

/**
 * One object as placed by the generator: its attributes and where it stands. {@code x} is the centre of its
 * footprint and {@code y} the image row of its base; a larger {@code y} is nearer the camera, so {@code y}
 * is also the painting (depth) order. {@code radius} is its apparent half-width in pixels after perspective.
 *
 * @param size "small" or "large"
 * @param color one of {@link Attribute#COLOR}'s values
 * @param material "rubber" or "metal"
 * @param shape one of {@link Attribute#SHAPE}'s values
 */
public record SceneObject(String size, String color, String material, String shape, double x, double y, double radius) {
    public SceneObject {
        check(Attribute.SIZE, size);
        check(Attribute.COLOR, color);
        check(Attribute.MATERIAL, material);
        check(Attribute.SHAPE, shape);
        if (!(radius > 0)) throw new IllegalArgumentException("radius must be positive: " + radius);
    }

    private static void check(Attribute a, String v) {
        Objects.requireNonNull(v, a.word());
        if (!a.vocabulary().contains(v)) throw new IllegalArgumentException("unknown " + a.word() + " '" + v + "'");
    }

    public String get(Attribute a) {
        return a.of(size, color, material, shape);
    }

    /** "large red metal cube". */
    public String describe() {
        return size + " " + color + " " + material + " " + shape;
    }
}
