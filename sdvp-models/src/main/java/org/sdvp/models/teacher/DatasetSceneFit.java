package org.sdvp.models.teacher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sdvp.core.value.Box;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.ObjectView;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneObject;

/**
 * Whether a dataset's annotated scene fits the teacher's fixed heads ({@link AttributeSpace}: size 2,
 * colour 8, material 2, shape 4), and the world scene it becomes. An object fits when its name and
 * attributes hold exactly one value of each attribute ({@code "cube"} named, {@code large}, {@code red},
 * {@code metal}); a scene fits when all its objects do, because a frame with an unlabelled object would
 * teach the detector that the object is background. CLEVR's scenes fit (its values are the world's, less
 * the cone); GQA's open vocabulary mostly does not. Counts what it leaves out, by reason and by name.
 */
final class DatasetSceneFit {
    /** The heads, as messages name them. */
    static final String HEADS = java.util.Arrays.stream(Attribute.values())
            .map(a -> a.word() + " " + String.join("|", a.vocabulary()))
            .collect(Collectors.joining("; ", "(", ")"));

    private final String style;
    private int read, unfit;
    private final Map<String, Integer> reasons = new TreeMap<>();
    private final Map<String, Integer> names = new TreeMap<>();

    /** @param style the style the world scenes record (the dataset's name) */
    DatasetSceneFit(String style) {
        this.style = style;
    }

    /** What was left out: scenes checked, scenes left out, reasons per object, names of objects that did not fit. */
    record Report(int read, int unfit, Map<String, Integer> reasons, Map<String, Integer> names) {
        /** "objects left out: no shape 11, no material 8; their names: man 1, car 1". */
        String describe() {
            if (reasons.isEmpty()) return "";
            return "Objects that did not fit: " + DatasetTeacherData.top(reasons, 6) + "; their names: "
                    + DatasetTeacherData.top(names, 8) + ".";
        }
    }

    Report report() {
        return new Report(read, unfit, Map.copyOf(reasons), Map.copyOf(names));
    }

    /** Whether every object names one value per attribute; counts the scene and, if not, why. */
    boolean fits(AnnotatedScene s) {
        read++;
        boolean all = true;
        for (org.sdvp.data.oracle.SceneObject o : s.objects()) {
            List<String> why = new ArrayList<>();
            for (Attribute a : Attribute.values()) {
                long n = values(o, a).size();
                if (n == 0) why.add("no " + a.word());
                else if (n > 1) why.add("more than one " + a.word());
            }
            if (!why.isEmpty()) {
                all = false;
                why.forEach(w -> reasons.merge(w, 1, Integer::sum));
                names.merge(o.name(), 1, Integer::sum);
            }
        }
        if (!all) unfit++;
        return all;
    }

    /**
     * The world scene of a scene that {@link #fits}: boxes clamped to the image; the footprint (which teacher
     * examples do not use) put at the box's bottom centre. Empty, and counted, when a box lies outside the image.
     */
    Optional<Scene> toScene(AnnotatedScene s, int width, int height) {
        List<SceneObject> objects = new ArrayList<>();
        List<ObjectView> views = new ArrayList<>();
        for (org.sdvp.data.oracle.SceneObject o : s.objects()) {
            Box b = o.box().clampTo(width, height);
            int x1 = (int) Math.floor(b.x1()), y1 = (int) Math.floor(b.y1());
            int x2 = (int) Math.ceil(b.x2()), y2 = (int) Math.ceil(b.y2());
            if (x2 <= x1 || y2 <= y1) {
                reasons.merge("box outside the image", 1, Integer::sum);
                names.merge(o.name(), 1, Integer::sum);
                unfit++;
                return Optional.empty();
            }
            String[] v = new String[4];
            for (Attribute a : Attribute.values()) v[a.ordinal()] = values(o, a).get(0);
            objects.add(new SceneObject(
                    v[Attribute.SIZE.ordinal()],
                    v[Attribute.COLOR.ordinal()],
                    v[Attribute.MATERIAL.ordinal()],
                    v[Attribute.SHAPE.ordinal()],
                    (x1 + x2) / 2.0,
                    y2,
                    (x2 - x1) / 2.0));
            // occlusion is not annotated: the box counts as all visible
            int area = (x2 - x1) * (y2 - y1);
            views.add(new ObjectView(x1, y1, x2, y2, area, area, List.of()));
        }
        return Optional.of(new Scene(s.imageFile(), width, height, style, 0, objects, views));
    }

    /** The values of {@code a} among the object's name and attributes. */
    private static List<String> values(org.sdvp.data.oracle.SceneObject o, Attribute a) {
        List<String> words = new ArrayList<>(o.attributes());
        words.add(o.name());
        return words.stream()
                .filter(a.vocabulary()::contains)
                .distinct()
                .sorted()
                .toList();
    }
}
