package org.sdvp.data.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.io.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scene annotations an oracle reads (GQA scene graphs, CLEVR scenes), collected entry by entry: an entry
 * that cannot be read (a field of the wrong type, a missing field, an object without a position) is kept
 * with its reason, so that the questions on its image fail with that reason and every other question runs.
 */
public final class Annotations {
    private static final Logger LOG = LoggerFactory.getLogger(Annotations.class);

    private final Map<String, AnnotatedScene> scenes = new HashMap<>();
    private final Map<String, DataException> invalid = new LinkedHashMap<>();
    private final List<DataException> cuts = new ArrayList<>();

    public void add(AnnotatedScene scene) {
        scenes.put(scene.imageFile(), scene);
    }

    /** @param why its kind, and a message naming the file, the entry's position and the reason */
    public void invalid(String imageFile, DataException why) {
        invalid.put(imageFile, why);
    }

    /**
     * A file of these annotations ends before its JSON does (kind {@code TRUNCATED_JSON}, naming file and
     * position): its complete entries were added; a question on an image without annotations fails with this.
     */
    public void cut(DataException where) {
        cuts.add(where);
    }

    public void addAll(Annotations other) {
        scenes.putAll(other.scenes);
        invalid.putAll(other.invalid);
        cuts.addAll(other.cuts);
    }

    /** Image file name → annotations. */
    public Map<String, AnnotatedScene> scenes() {
        return Map.copyOf(scenes);
    }

    /** Image file name → why its entry could not be read. */
    public Map<String, DataException> invalid() {
        return Map.copyOf(invalid);
    }

    /** Where a file of these annotations was cut off (empty when every file was complete). */
    public List<DataException> cuts() {
        return List.copyOf(cuts);
    }

    /** The oracle over these annotations, after saying how many entries were invalid. */
    public SceneOracle oracle(String name) {
        if (!invalid.isEmpty()) {
            LOG.warn(
                    "{}: {} invalid annotation entries; questions on their images fail with the reason (first: {})",
                    name,
                    invalid.size(),
                    invalid.values().iterator().next().getMessage());
        }
        cuts.forEach(c -> LOG.warn(
                "{}: {}; questions on images not found fail with reason truncated-json", name, c.getMessage()));
        return new SceneOracle(scenes, invalid, cuts);
    }
}
