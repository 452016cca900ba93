package org.sdvp.world.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.io.DataException;
import org.sdvp.data.clevr.ClevrScene;
import org.sdvp.data.json.ArrayElements;
import org.sdvp.data.json.UncheckedDataException;
import org.sdvp.world.scene.ObjectView;
import org.sdvp.world.scene.Relation;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneObject;

/**
 * One scene in CLEVR's {@code scenes.json} schema ({@code image_index}, {@code image_filename},
 * {@code objects} with shape/color/size/material and {@code pixel_coords}, {@code relationships}), plus this
 * world's extensions: {@code style}, {@code seed}, {@code width}/{@code height}, and per object
 * {@code footprint} [x, y, radius], {@code bbox} [x1, y1, x2, y2] of the visible pixels, {@code visible_area},
 * {@code full_area} and {@code mask} (row-major run lengths, starting with a background run).
 *
 * <p>Writing is here (the bytes must stay exactly as the determinism tests pin them); reading goes through
 * sdvp-data's {@link ClevrScene} records and streaming reader, the same code that reads the CLEVR release.
 */
public final class SceneCodec {
    private SceneCodec() {}

    public static ObjectNode encode(Scene s, String split, int index) {
        ObjectNode n = WorldFiles.object();
        n.put("split", split);
        n.put("image_index", index);
        n.put("image_filename", s.imageFilename());
        n.put("style", s.style());
        n.put("seed", s.seed());
        n.put("width", s.width());
        n.put("height", s.height());
        ArrayNode objects = n.putArray("objects");
        for (int i = 0; i < s.size(); i++) {
            SceneObject o = s.object(i);
            ObjectView v = s.view(i);
            ObjectNode on = objects.addObject();
            on.put("shape", o.shape());
            on.put("color", o.color());
            on.put("size", o.size());
            on.put("material", o.material());
            // CLEVR: projected centre and depth; here the centre of the visible box and the distance proxy
            on.putArray("pixel_coords").add(v.centerX()).add(v.centerY()).add(round(s.height() - o.y()));
            on.put("rotation", 0);
            on.putArray("footprint").add(o.x()).add(o.y()).add(o.radius());
            on.putArray("bbox").add(v.x1()).add(v.y1()).add(v.x2()).add(v.y2());
            on.put("visible_area", v.visibleArea());
            on.put("full_area", v.fullArea());
            ObjectNode mask = on.putObject("mask");
            mask.putArray("size").add(s.height()).add(s.width());
            mask.put("order", "row-major");
            ArrayNode counts = mask.putArray("counts");
            for (int c : v.mask()) counts.add(c);
        }
        ObjectNode rel = n.putObject("relationships");
        for (Relation r : Relation.values()) {
            ArrayNode per = rel.putArray(r.word());
            for (int i = 0; i < s.size(); i++) {
                ArrayNode js = per.addArray();
                for (int j : s.related(r, i)) js.add(j);
            }
        }
        return n;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * The world's view of one scene as sdvp-data's shared CLEVR reader binds it; the world extensions
     * (footprint, bbox, areas) are required here, the mask only when asked for.
     *
     * @param withMasks false to leave the masks out (empty lists): the oracle needs only boxes, and masks
     *                  are most of a large split's memory
     */
    public static Scene decode(ClevrScene n, Path file, int position, boolean withMasks) throws DataException {
        String where = "scenes[" + position + "]";
        try {
            if (n.imageFilename() == null) throw new IllegalArgumentException("missing text field 'image_filename'");
            List<SceneObject> objects = new ArrayList<>();
            List<ObjectView> views = new ArrayList<>();
            for (ClevrScene.ClevrObject on : n.objects()) {
                List<Double> fp = required(on.footprint(), "footprint", 3), bb = required(on.bbox(), "bbox", 4);
                objects.add(new SceneObject(
                        text(on.size(), "size"),
                        text(on.color(), "color"),
                        text(on.material(), "material"),
                        text(on.shape(), "shape"),
                        fp.get(0),
                        fp.get(1),
                        fp.get(2)));
                List<Integer> counts =
                        withMasks && on.mask() != null ? List.copyOf(on.mask().counts()) : List.of();
                views.add(new ObjectView(
                        bb.get(0).intValue(),
                        bb.get(1).intValue(),
                        bb.get(2).intValue(),
                        bb.get(3).intValue(),
                        orZero(on.visibleArea()),
                        orZero(on.fullArea()),
                        counts));
            }
            return new Scene(
                    n.imageFilename(),
                    n.width() == null ? 128 : n.width(),
                    n.height() == null ? 128 : n.height(),
                    n.style() == null ? "studio" : n.style(),
                    n.seed() == null ? 0 : n.seed(),
                    objects,
                    views);
        } catch (RuntimeException e) {
            throw WorldFiles.invalid(file, where, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static List<Double> required(List<Double> v, String field, int size) {
        if (v == null || v.size() < size)
            throw new IllegalArgumentException("missing '" + field + "' (" + size + " numbers)");
        return v;
    }

    private static String text(String v, String field) {
        if (v == null) throw new IllegalArgumentException("missing text field '" + field + "'");
        return v;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    /** All scenes of a {@code scenes.json}, with their masks. */
    public static List<Scene> readAll(Path file) throws DataException {
        return readAll(file, true);
    }

    /** Streams the file through the shared reader, converting scene by scene (so unwanted masks never pile up). */
    public static List<Scene> readAll(Path file, boolean withMasks) throws DataException {
        if (!java.nio.file.Files.isRegularFile(file)) throw new DataException("file not found: " + file);
        List<Scene> out = new ArrayList<>();
        try (ArrayElements<ClevrScene> it = ArrayElements.open(file, "scenes", ClevrScene.class)) {
            int i = 0;
            while (it.hasNext()) out.add(decode(it.next(), file, i++, withMasks));
        } catch (UncheckedDataException e) {
            throw e.getCause();
        }
        return out;
    }
}
