package org.sdvp.data.oracle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.value.Box;

/**
 * The annotations of one image.
 *
 * @param imageFile the image file name, which is the {@code sourceId} of images loaded from it
 */
public record AnnotatedScene(String imageFile, double width, double height, List<SceneObject> objects) {
    public AnnotatedScene {
        objects = List.copyOf(objects);
    }

    public Optional<SceneObject> object(String id) {
        return objects.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** Objects by id, in annotation order. */
    public Map<String, SceneObject> byId() {
        Map<String, SceneObject> m = new LinkedHashMap<>();
        for (SceneObject o : objects) m.put(o.id(), o);
        return m;
    }

    /** {@code left}, {@code middle} or {@code right}: which third of {@code frame} holds the box's centre. */
    public static String horizontalPosition(Box box, Box frame) {
        double f = (box.centerX() - frame.x1()) / Math.max(1e-9, frame.width());
        return f < 1.0 / 3 ? "left" : f > 2.0 / 3 ? "right" : "middle";
    }

    /** {@code top}, {@code middle} or {@code bottom}, as {@link #horizontalPosition} vertically. */
    public static String verticalPosition(Box box, Box frame) {
        double f = (box.centerY() - frame.y1()) / Math.max(1e-9, frame.height());
        return f < 1.0 / 3 ? "top" : f > 2.0 / 3 ? "bottom" : "middle";
    }

    public Box frame() {
        return new Box(0, 0, width, height);
    }

    /** The relation names used in this scene, longest first (so "sitting on" is tried before "on"). */
    public List<String> relationNames() {
        return objects.stream()
                .flatMap(o -> o.relations().stream())
                .map(SceneObject.Relation::name)
                .distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
    }
}
