package org.sdvp.world.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sdvp.core.value.Box;
import org.sdvp.data.clevr.program.SymbolicScene;

/**
 * A generated scene: its objects (in generation order, which is their index everywhere: relationships,
 * programs, answers), what the ID buffer saw of each, the style it is rendered in and the seed that
 * produced it (the renderer draws its noise and clutter from that seed too).
 */
public record Scene(
        String imageFilename,
        int width,
        int height,
        String style,
        long seed,
        List<SceneObject> objects,
        List<ObjectView> views)
        implements SymbolicScene {
    public Scene {
        Objects.requireNonNull(imageFilename, "imageFilename");
        Objects.requireNonNull(style, "style");
        objects = List.copyOf(objects);
        views = List.copyOf(views);
        if (objects.size() != views.size()) throw new IllegalArgumentException("one view per object needed");
    }

    @Override
    public int size() {
        return objects.size();
    }

    @Override
    public String attribute(int object, String attribute) {
        return object(object).get(Attribute.ofWord(attribute));
    }

    @Override
    public List<Integer> related(String relation, int object) {
        return related(Relation.ofWord(relation), object);
    }

    /** The visible box. */
    @Override
    public Box box(int object) {
        return view(object).box();
    }

    public SceneObject object(int i) {
        return objects.get(i);
    }

    public ObjectView view(int i) {
        return views.get(i);
    }

    public Scene withStyle(String newStyle) {
        return new Scene(imageFilename, width, height, newStyle, seed, objects, views);
    }

    /**
     * CLEVR's relationships: {@code related(rel, i)} lists the objects j that are {@code rel} of object i,
     * judged on the centres of the visible boxes ("left": j's centre is left of i's).
     */
    public List<Integer> related(Relation rel, int i) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < objects.size(); j++) {
            if (j != i && rel.holds(view(j), view(i))) out.add(j);
        }
        return out;
    }
}
