package org.sdvp.data.clevr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.sdvp.core.io.DataException;
import org.sdvp.data.json.ArrayElements;
import org.sdvp.data.json.Entries;
import org.sdvp.data.json.UncheckedDataException;
import org.sdvp.data.oracle.Annotations;

/**
 * Reads the CLEVR schema. The release layout and a flat folder are both accepted:
 * <pre>
 * ROOT/questions/CLEVR_val_questions.json   (or ROOT/CLEVR_val_questions.json, ROOT/val_questions.json)
 * ROOT/scenes/CLEVR_val_scenes.json         (same alternatives)
 * ROOT/images/val/CLEVR_val_000000.png      (or ROOT/images/CLEVR_val_000000.png)
 * </pre>
 * and sdvp-world's layout, one folder per split: {@code ROOT/SPLIT/questions.json}, {@code ROOT/SPLIT/scenes.json},
 * {@code ROOT/SPLIT/images/NAME}.
 * Questions are streamed ({@link #questions}); scenes are read whole ({@link #scenes}: one image's scene is
 * small and the oracle needs them all).
 */
public final class ClevrFiles {
    private final Path root;

    public ClevrFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path questionsFile(String split) throws DataException {
        return find(split, "questions");
    }

    public Path scenesFile(String split) throws DataException {
        return find(split, "scenes");
    }

    /** Every scenes file under the root. */
    public List<Path> allScenesFiles() {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(root.resolve("scenes"), root)) {
            for (Path p : list(dir)) if (p.getFileName().toString().endsWith("_scenes.json")) out.add(p);
        }
        for (Path split : folders(root)) {
            if (Files.isRegularFile(split.resolve("scenes.json"))) out.add(split.resolve("scenes.json"));
        }
        return out;
    }

    /** The first existing of images/SPLIT/NAME, images/NAME, SPLIT/images/NAME; else the first (reported missing later). */
    public Path image(String split, String imageFilename) {
        List<Path> candidates = List.of(
                root.resolve("images").resolve(split).resolve(imageFilename),
                root.resolve("images").resolve(imageFilename),
                root.resolve(split).resolve("images").resolve(imageFilename));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(candidates.get(0));
    }

    /** Streams the {@code questions} array; close it. */
    public static ArrayElements<ClevrQuestion> questions(Path file) throws DataException {
        return ArrayElements.open(file, "questions", ClevrQuestion.class);
    }

    /** All scenes of a scenes file. */
    public static List<ClevrScene> scenes(Path file) throws DataException {
        List<ClevrScene> out = new ArrayList<>();
        try (ArrayElements<ClevrScene> it = ArrayElements.open(file, "scenes", ClevrScene.class)) {
            it.forEachRemaining(out::add);
        } catch (UncheckedDataException e) {
            throw e.getCause();
        }
        return out;
    }

    /**
     * The scenes of a scenes file as oracle annotations, entry by entry: a scene that cannot be read (a field
     * of the wrong type, an object without a position) is kept as invalid with its position and reason. A file
     * cut off gives its complete scenes and the cut ({@link Annotations#cut}).
     */
    public static void annotations(Path file, Annotations into) throws DataException {
        ArrayElements.scan(file, "scenes").cut().ifPresent(c -> into.cut(c.error())); // checks the syntax
        try (ArrayElements<JsonNode> it = ArrayElements.openUpToCut(file, "scenes", JsonNode.class)) {
            for (int i = 0; it.hasNext(); i++) {
                JsonNode node = it.next();
                String where = "scenes[" + i + "]";
                String image = node.path("image_filename").isTextual()
                        ? node.get("image_filename").asText()
                        : where;
                try {
                    into.add(ClevrScenes.toScene(Entries.bind(node, ClevrScene.class)));
                } catch (JsonProcessingException | DataException | RuntimeException e) {
                    into.invalid(image, Entries.problem(file, where, e));
                }
            }
        } catch (UncheckedDataException e) {
            throw e.getCause();
        }
    }

    private Path find(String split, String kind) throws DataException {
        Path splitFolder = root.resolve(split).resolve(kind + ".json"); // sdvp-world's layout: DIR/SPLIT/questions.json
        if (Files.isRegularFile(splitFolder)) return splitFolder;
        for (Path dir : List.of(root.resolve(kind), root)) {
            for (String name : List.of("CLEVR_" + split + "_" + kind + ".json", split + "_" + kind + ".json")) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) return p;
            }
        }
        TreeSet<String> found = new TreeSet<>();
        for (Path dir : List.of(root.resolve(kind), root)) {
            for (Path p : list(dir)) {
                String n = p.getFileName().toString();
                if (n.endsWith("_" + kind + ".json"))
                    found.add(n.replaceFirst("^CLEVR_", "").replace("_" + kind + ".json", ""));
            }
        }
        for (Path folder : folders(root)) {
            if (Files.isRegularFile(folder.resolve(kind + ".json")))
                found.add(folder.getFileName().toString());
        }
        throw new DataException(
                "unknown CLEVR split '" + split + "' under " + root + " (no " + kind + " file); splits found: "
                        + (found.isEmpty()
                                ? "(none: expected questions/CLEVR_SPLIT_questions.json)"
                                : String.join(", ", found)));
    }

    private static List<Path> folders(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
