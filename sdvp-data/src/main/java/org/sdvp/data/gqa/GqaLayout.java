package org.sdvp.data.gqa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.sdvp.core.io.DataException;

/**
 * Where the files of a GQA download live under a root folder. Both the layout of the official zips and a
 * flat folder are accepted:
 * <pre>
 * ROOT/questions/testdev_balanced_questions.json     (or ROOT/testdev_balanced_questions.json)
 * ROOT/questions/train_all_questions/train_all_questions_0.json ... (train_all comes in parts)
 * ROOT/val_sceneGraphs.json                          (or ROOT/sceneGraphs/val_sceneGraphs.json)
 * ROOT/images/2375429.jpg
 * </pre>
 */
public final class GqaLayout {
    static final String QUESTIONS_SUFFIX = "_questions.json";
    static final String SCENE_GRAPHS_SUFFIX = "_sceneGraphs.json";

    private final Path root;

    public GqaLayout(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The image of {@code imageId}; it may not exist (the evaluator records the question as an error). */
    public Path image(String imageId) {
        return root.resolve("images").resolve(imageId + ".jpg");
    }

    /**
     * The questions files of {@code split} ({@code testdev_balanced}, {@code val_all}, ...), more than one
     * for {@code train_all}.
     *
     * @throws DataException for an unknown split, listing the splits found under the root
     */
    public List<Path> questionFiles(String split) throws DataException {
        for (Path dir : List.of(root.resolve("questions"), root)) {
            Path single = dir.resolve(split + QUESTIONS_SUFFIX);
            if (Files.isRegularFile(single)) return List.of(single);
            Path parts = dir.resolve(split + "_questions");
            if (Files.isDirectory(parts)) {
                List<Path> files = list(parts, split + "_questions_");
                if (!files.isEmpty()) return files;
            }
        }
        throw new DataException("unknown GQA split '" + split + "' under " + root + "; splits found: "
                + (splits().isEmpty()
                        ? "(none: expected questions/SPLIT_questions.json)"
                        : String.join(", ", splits())));
    }

    /** Split names that have a questions file or folder. */
    public TreeSet<String> splits() {
        TreeSet<String> names = new TreeSet<>();
        for (Path dir : List.of(root.resolve("questions"), root)) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(p -> {
                    String n = p.getFileName().toString();
                    if (Files.isRegularFile(p) && n.endsWith(QUESTIONS_SUFFIX)) {
                        names.add(n.substring(0, n.length() - QUESTIONS_SUFFIX.length()));
                    } else if (Files.isDirectory(p) && n.endsWith("_questions")) {
                        names.add(n.substring(0, n.length() - "_questions".length()));
                    }
                });
            } catch (IOException e) {
                // an unreadable folder simply contributes no names to the listing
            }
        }
        return names;
    }

    /** Every {@code *_sceneGraphs.json} file under the root (or its {@code sceneGraphs} folder). */
    public List<Path> sceneGraphFiles() {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(root, root.resolve("sceneGraphs"))) {
            if (Files.isDirectory(dir))
                out.addAll(list(dir, null).stream()
                        .filter(p -> p.getFileName().toString().endsWith(SCENE_GRAPHS_SUFFIX))
                        .toList());
        }
        return out;
    }

    /** The scene-graph file that belongs to a split ({@code val} for {@code val_balanced}), if present. */
    public Optional<Path> sceneGraphFile(String split) {
        String prefix = split.contains("_") ? split.substring(0, split.indexOf('_')) : split;
        return sceneGraphFiles().stream()
                .filter(p -> p.getFileName().toString().equals(prefix + SCENE_GRAPHS_SUFFIX))
                .findFirst();
    }

    private static List<Path> list(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> prefix == null || p.getFileName().toString().startsWith(prefix))
                    .sorted(GqaLayout::byNumericSuffix)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code _2.json} before {@code _10.json}. */
    private static int byNumericSuffix(Path a, Path b) {
        String x = a.getFileName().toString(), y = b.getFileName().toString();
        String dx = x.replaceAll("\\D", ""), dy = y.replaceAll("\\D", "");
        if (!dx.isEmpty() && !dy.isEmpty() && dx.length() != dy.length())
            return Integer.compare(dx.length(), dy.length());
        return x.compareTo(y);
    }
}
