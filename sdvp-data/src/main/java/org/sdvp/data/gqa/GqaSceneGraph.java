package org.sdvp.data.gqa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * One image's scene graph from {@code {train,val}_sceneGraphs.json}.
 *
 * @param objects object id → object; boxes are top-left {@code x, y} plus {@code w, h}, in pixels
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GqaSceneGraph(int width, int height, Map<String, GqaObject> objects) {
    public GqaSceneGraph {
        objects = objects == null ? Map.of() : Map.copyOf(objects);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GqaObject(
            String name, double x, double y, double w, double h, List<String> attributes, List<Relation> relations) {
        public GqaObject {
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
            relations = relations == null ? List.of() : List.copyOf(relations);
        }
    }

    /** {@code this --name--> object}: the owning object is the subject. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Relation(String name, String object) {}
}
