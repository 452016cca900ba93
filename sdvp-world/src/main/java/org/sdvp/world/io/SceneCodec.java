package org.sdvp.world.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.io.DataException;
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

    private static double round(double v) { return Math.round(v * 100) / 100.0; }

    public static Scene decode(JsonNode n, Path file, int position) throws DataException {
        String where = "scenes[" + position + "]";
        try {
            List<SceneObject> objects = new ArrayList<>();
            List<ObjectView> views = new ArrayList<>();
            for (JsonNode on : required(n, "objects", file, where)) {
                JsonNode fp = on.get("footprint"), bb = on.get("bbox");
                objects.add(new SceneObject(text(on, "size"), text(on, "color"), text(on, "material"),
                        text(on, "shape"), fp.get(0).asDouble(), fp.get(1).asDouble(), fp.get(2).asDouble()));
                List<Integer> counts = new ArrayList<>();
                JsonNode mask = on.path("mask").path("counts");
                for (JsonNode c : mask) counts.add(c.asInt());
                views.add(new ObjectView(bb.get(0).asInt(), bb.get(1).asInt(), bb.get(2).asInt(), bb.get(3).asInt(),
                        on.path("visible_area").asInt(), on.path("full_area").asInt(), counts));
            }
            return new Scene(text(n, "image_filename"), n.path("width").asInt(128), n.path("height").asInt(128),
                    n.path("style").asText("studio"), n.path("seed").asLong(), objects, views);
        } catch (RuntimeException e) {
            throw WorldFiles.invalid(file, where, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static JsonNode required(JsonNode n, String field, Path file, String where) throws DataException {
        JsonNode v = n.get(field);
        if (v == null) throw WorldFiles.invalid(file, where, "missing '" + field + "'");
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("missing text field '" + field + "'");
        return v.asText();
    }

    /** All scenes of a {@code scenes.json}. */
    public static List<Scene> readAll(Path file) throws DataException {
        JsonNode root = WorldFiles.read(file);
        JsonNode scenes = root.get("scenes");
        if (scenes == null || !scenes.isArray()) throw WorldFiles.invalid(file, "top level", "no 'scenes' array");
        List<Scene> out = new ArrayList<>();
        int i = 0;
        for (JsonNode s : scenes) out.add(decode(s, file, i++));
        return out;
    }
}
