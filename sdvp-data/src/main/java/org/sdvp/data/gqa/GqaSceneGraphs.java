package org.sdvp.data.gqa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sdvp.core.io.DataException;
import org.sdvp.core.value.Box;
import org.sdvp.data.json.Entries;
import org.sdvp.data.json.ObjectEntries;
import org.sdvp.data.json.UncheckedDataException;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.data.oracle.Annotations;
import org.sdvp.data.oracle.SceneObject;

/** Reads GQA scene-graph files into {@link AnnotatedScene}s keyed by image file name ({@code 2375429.jpg}). */
public final class GqaSceneGraphs {
    private GqaSceneGraphs() {}

    /**
     * Streams {@code file} (one object keyed by image id), converting each graph as it is read. An entry that
     * cannot be read is kept as invalid with its position and reason (its image's questions fail with it). A
     * file cut off gives its complete graphs and the cut ({@link Annotations#cut}); any other syntax error
     * cannot be skipped in one JSON object and stops the read.
     */
    public static Annotations read(Path file) throws DataException {
        Annotations out = new Annotations();
        ObjectEntries.scan(file).cut().ifPresent(c -> out.cut(c.error())); // checks the syntax
        try (ObjectEntries<JsonNode> entries = ObjectEntries.openUpToCut(file, JsonNode.class)) {
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> e = entries.next();
                String where = "entry '" + e.getKey() + "' (line " + entries.line() + ")";
                try {
                    out.add(toScene(e.getKey(), Entries.bind(e.getValue(), GqaSceneGraph.class)));
                } catch (JsonProcessingException | DataException | RuntimeException ex) {
                    out.invalid(e.getKey() + ".jpg", Entries.problem(file, where, ex));
                }
            }
        } catch (UncheckedDataException e) {
            throw e.getCause();
        }
        return out;
    }

    public static AnnotatedScene toScene(String imageId, GqaSceneGraph g) {
        List<SceneObject> objects = new ArrayList<>();
        for (Map.Entry<String, GqaSceneGraph.GqaObject> e : g.objects().entrySet()) {
            GqaSceneGraph.GqaObject o = e.getValue();
            Set<String> attributes = new HashSet<>();
            o.attributes().forEach(a -> attributes.add(a.strip().toLowerCase(Locale.ROOT)));
            List<SceneObject.Relation> relations = o.relations().stream()
                    .map(r -> new SceneObject.Relation(r.name().strip().toLowerCase(Locale.ROOT), r.object()))
                    .toList();
            objects.add(new SceneObject(
                    e.getKey(),
                    o.name().strip().toLowerCase(Locale.ROOT),
                    attributes,
                    Box.ofSize(o.x(), o.y(), Math.max(0, o.w()), Math.max(0, o.h())),
                    relations));
        }
        objects.sort(java.util.Comparator.comparing(SceneObject::id));
        return new AnnotatedScene(imageId + ".jpg", g.width(), g.height(), objects);
    }
}
