package org.sdvp.world.scene;

import java.util.List;

/** A test scene: left to right a large red rubber cube, a small blue metal sphere, a large red metal sphere. */
public final class RowScene {
    /** The objects in a row, so above/below differ by size only. */
    public static final List<SceneObject> OBJECTS = List.of(
            new SceneObject("large", "red", "rubber", "cube", 20, 90, 12),
            new SceneObject("small", "blue", "metal", "sphere", 60, 70, 7),
            new SceneObject("large", "red", "metal", "sphere", 100, 100, 12));
    /** The scene {@code t.png}, 128 × 128, studio style, with its views from an ID buffer. */
    public static final Scene SCENE =
            new Scene("t.png", 128, 128, "studio", 0, OBJECTS, new IdBuffer(128, 128).views(OBJECTS));

    private RowScene() {}
}
