package org.sdvp.data.gqa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sdvp.core.io.DataException;
import org.sdvp.data.json.EntryIndex;
import org.sdvp.data.json.UncheckedDataException;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.data.oracle.SceneOracle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GQA scene graphs looked up one image at a time from byte-offset indexes of their files ({@link EntryIndex}),
 * with the most recently used {@value #CACHED} kept converted: what {@code gqa-oracle} answers from, so that
 * a process (a Spark executor among them) holds an index entry per image and a bounded cache, never all
 * graphs of {@code train_sceneGraphs.json}. Thread-safe.
 */
public final class GqaSceneIndex {
    private static final Logger LOG = LoggerFactory.getLogger(GqaSceneIndex.class);
    /** Converted scenes kept: the images of a few thousand questions in flight, at a few KB each. */
    static final int CACHED = 4096;

    private final List<EntryIndex<GqaSceneGraph>> files = new ArrayList<>();
    private final Set<String> relationNames = new HashSet<>();
    /** The cuts of truncated files: their complete graphs are served, the lost ones fail by this reason. */
    private final List<DataException> cuts = new ArrayList<>();

    private final Map<String, AnnotatedScene> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AnnotatedScene> eldest) {
            return size() > CACHED;
        }
    };
    private int size;

    /**
     * Reads each file once, checking every graph binds and keeping where it lies and its relation names; a
     * later file's graph of the same image replaces an earlier one's, as reading them into one map would. A file
     * cut off is indexed up to its last complete graph; a question on an image without a graph then fails with
     * the cut's reason ({@code truncated-json}), naming file and position.
     */
    public GqaSceneIndex(List<Path> sceneGraphFiles) throws DataException {
        Set<String> images = new HashSet<>();
        for (Path f : sceneGraphFiles) {
            files.add(EntryIndex.build(f, GqaSceneGraph.class, (imageId, graph) -> {
                images.add(imageId);
                graph.objects()
                        .values()
                        .forEach(o -> o.relations()
                                .forEach(r -> relationNames.add(r.name().strip().toLowerCase(Locale.ROOT))));
            }));
            files.get(files.size() - 1).cut().ifPresent(c -> {
                cuts.add(c.error());
                LOG.warn(
                        "gqa-oracle: {}; questions on images not found fail with reason truncated-json",
                        c.error().getMessage());
            });
        }
        size = images.size();
    }

    public int size() {
        return size;
    }

    /** The oracle over these graphs (the same answers as over {@link GqaSceneGraphs#read} of the same files). */
    public SceneOracle oracle() {
        return new SceneOracle(this::sceneOrNull, size, relationNames, cuts);
    }

    /** {@code 2375429.jpg} → its scene, or null when no file has a graph for it. */
    AnnotatedScene sceneOrNull(String imageFile) {
        synchronized (cache) {
            AnnotatedScene s = cache.get(imageFile);
            if (s != null) return s;
        }
        if (!imageFile.endsWith(".jpg")) return null; // every scene is named IMAGEID.jpg
        String imageId = imageFile.substring(0, imageFile.length() - ".jpg".length());
        AnnotatedScene s = null;
        try {
            for (int i = files.size() - 1; i >= 0 && s == null; i--) { // the last file that has it, as a map's putAll
                EntryIndex<GqaSceneGraph> f = files.get(i);
                if (f.contains(imageId))
                    s = GqaSceneGraphs.toScene(imageId, f.get(imageId).orElseThrow());
            }
        } catch (DataException e) {
            throw new UncheckedDataException(e);
        }
        if (s != null) {
            synchronized (cache) {
                cache.put(imageFile, s);
            }
        }
        return s;
    }

    /** For tests: how the cache is doing. */
    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
