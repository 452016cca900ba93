package org.sdvp.data.oracle;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sdvp.core.value.Box;

/**
 * One annotated object.
 *
 * @param id         the dataset's object id (GQA object id, CLEVR object index)
 * @param name       lower-case name ({@code car}; the shape for CLEVR)
 * @param attributes lower-case attributes ({@code white}, {@code large}, {@code metal})
 * @param box        in source image pixels
 * @param relations  relations in which this object is the subject
 */
public record SceneObject(String id, String name, Set<String> attributes, Box box, List<Relation> relations) {
    public SceneObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        attributes = Set.copyOf(attributes);
        Objects.requireNonNull(box, "box");
        relations = List.copyOf(relations);
    }

    /** {@code this --name--> objectId}. */
    public record Relation(String name, String objectId) {}
}
