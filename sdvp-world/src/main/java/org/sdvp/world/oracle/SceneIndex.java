package org.sdvp.world.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.sdvp.core.io.DataException;
import org.sdvp.world.io.SceneCodec;
import org.sdvp.world.scene.Scene;

/**
 * The scene annotations of a data folder, by image file name: {@code DIR/scenes.json} and
 * {@code DIR/<split>/scenes.json}. Image names are unique across splits and tasks, which is what lets an
 * image's {@code sourceId} (its file name) find its scene. Immutable once built; thread-safe.
 */
public final class SceneIndex {
    private final Map<String, Scene> byName;

    public SceneIndex(Map<String, Scene> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static SceneIndex of(List<Scene> scenes) {
        Map<String, Scene> m = new HashMap<>();
        for (Scene s : scenes) m.put(s.imageFilename(), s);
        return new SceneIndex(m);
    }

    public static SceneIndex load(Path dataDir) throws DataException {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(dataDir.resolve("scenes.json"))) files.add(dataDir.resolve("scenes.json"));
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> dirs = Files.list(dataDir)) {
                dirs.sorted()
                        .map(d -> d.resolve("scenes.json"))
                        .filter(Files::isRegularFile)
                        .forEach(files::add);
            } catch (IOException e) {
                throw new DataException("cannot list " + dataDir + ": " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new DataException("no scenes.json in " + dataDir + " or its split folders: the oracle answers from "
                    + "scene annotations (generate data with 'sdvp world generate')");
        }
        Map<String, Scene> m = new HashMap<>();
        for (Path f : files) for (Scene s : SceneCodec.readAll(f, false)) m.put(s.imageFilename(), s);
        return new SceneIndex(m);
    }

    public Optional<Scene> find(String imageFilename) {
        return Optional.ofNullable(byName.get(imageFilename));
    }

    public int size() {
        return byName.size();
    }
}
