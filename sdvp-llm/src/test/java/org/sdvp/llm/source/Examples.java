package org.sdvp.llm.source;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.evaluation.Example;

/** Test questions; the image paths are never read by program sources. */
final class Examples {
    private Examples() {}

    static Example single(String id, String question) {
        return new Example(
                id,
                "test",
                question,
                Map.of("IMAGE", Path.of(id + ".png")),
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }

    static Example pair(String id, String statement) {
        return new Example(
                id,
                "test",
                statement,
                Map.of("LEFT", Path.of(id + "-l.png"), "RIGHT", Path.of(id + "-r.png")),
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }
}
