package org.sdvp.data.clevr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sdvp.core.value.Box;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.data.oracle.SceneObject;

/** CLEVR scenes as oracle annotations. */
public final class ClevrScenes {
    /** CLEVR's rendered image size, used when a scene does not record its own. */
    public static final int WIDTH = 480, HEIGHT = 320;
    /** Object radius in scene units (CLEVR renders large objects 0.7, small 0.35) and the camera's focal length in pixels. */
    private static final double LARGE = 0.7, SMALL = 0.35, FOCAL_PX = 515;

    private ClevrScenes() {}

    /**
     * Object {@code i} becomes id {@code "i"}, named by its shape, with attributes size, color, material and
     * shape; {@code relationships[rel][i] ∋ j} becomes the relation {@code j --rel--> i}. The box is the
     * object's {@code bbox} ({@code [x1, y1, x2, y2]}) when present, else a square estimated from {@code pixel_coords} and size.
     */
    public static AnnotatedScene toScene(ClevrScene s) {
        List<List<SceneObject.Relation>> relations = new ArrayList<>();
        for (int i = 0; i < s.objects().size(); i++) relations.add(new ArrayList<>());
        for (Map.Entry<String, List<List<Integer>>> rel : s.relationships().entrySet()) {
            List<List<Integer>> perObject = rel.getValue();
            for (int i = 0; i < perObject.size(); i++) {
                for (int j : perObject.get(i)) {
                    if (j >= 0 && j < relations.size())
                        relations.get(j).add(new SceneObject.Relation(rel.getKey(), Integer.toString(i)));
                }
            }
        }
        List<SceneObject> objects = new ArrayList<>();
        for (int i = 0; i < s.objects().size(); i++) {
            ClevrScene.ClevrObject o = s.objects().get(i);
            objects.add(new SceneObject(
                    Integer.toString(i),
                    o.shape(),
                    Set.of(o.size(), o.color(), o.material(), o.shape()),
                    box(o),
                    relations.get(i)));
        }
        return new AnnotatedScene(
                s.imageFilename(),
                s.width() == null ? WIDTH : s.width(),
                s.height() == null ? HEIGHT : s.height(),
                objects);
    }

    static Box box(ClevrScene.ClevrObject o) {
        if (o.bbox() != null && o.bbox().size() == 4) {
            return new Box(
                    o.bbox().get(0), o.bbox().get(1), o.bbox().get(2), o.bbox().get(3));
        }
        List<Double> p = o.pixelCoords();
        if (p == null || p.size() < 3) throw new IllegalArgumentException("CLEVR object without pixel_coords or bbox");
        double half = FOCAL_PX * ("large".equals(o.size()) ? LARGE : SMALL) / Math.max(1, p.get(2));
        return new Box(p.get(0) - half, p.get(1) - half, p.get(0) + half, p.get(1) + half);
    }
}
