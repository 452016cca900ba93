package org.sdvp.world.instruct;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Images;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;
import org.sdvp.world.io.WorldFiles;

/**
 * An instruction task as the evaluator sees it: {@code DIR/SPLIT/instructions.json}, each entry with its
 * VisProg program and gold (an answer, labelled boxes, or a gold image paired with the unedited image).
 */
public final class InstructionTask implements Task {
    private final InstructionTaskSpec spec;

    public InstructionTask(InstructionTaskSpec spec) {
        this.spec = spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String description() {
        return spec.description() + " [unseen, default style " + spec.defaultStyle() + "]";
    }

    @Override
    public Set<String> initialVariables() {
        return Set.of("IMAGE");
    }

    @Override
    public Metric metric() {
        return spec.metric();
    }

    @Override
    public ExampleSource open(Path dataDir, String split) throws DataException {
        Path dir = dataDir.resolve(split);
        Path file = dir.resolve(InstructionTaskSpec.FILE);
        if (!Files.isRegularFile(file)) {
            throw new DataException("no " + InstructionTaskSpec.FILE + " for split '" + split + "' in " + dataDir
                    + " (generate one with: sdvp world generate --task " + spec.name() + " --split " + split
                    + " --out " + dataDir + ")");
        }
        JsonNode root;
        try {
            root = WorldFiles.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new DataException("malformed " + file + ": " + e.getMessage(), e);
        }
        JsonNode rows = root.path("instructions");
        if (!rows.isArray()) throw new DataException(file + ": no 'instructions' array");
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                out.add(example(dir, split, rows.get(i)));
            } catch (IllegalArgumentException e) {
                throw new DataException(file + ": instructions[" + i + "]: " + e.getMessage());
            }
        }
        return ExampleSource.of(out);
    }

    private Example example(Path dir, String split, JsonNode row) throws DataException {
        String image = text(row, "image_filename");
        Path imagePath = dir.resolve("images").resolve(image);
        return new Example(
                split + "-" + row.path("index").asInt(),
                text(row, "type"),
                text(row, "instruction"),
                Map.of("IMAGE", imagePath),
                Optional.of(text(row, "program")),
                Optional.of(gold(dir, row, imagePath)),
                Map.of());
    }

    private static Value gold(Path dir, JsonNode row, Path imagePath) throws DataException {
        if (row.has("answer")) return new TextValue(text(row, "answer"));
        if (row.has("answer_tags")) {
            List<Detection> tags = new ArrayList<>();
            for (JsonNode t : row.get("answer_tags")) {
                JsonNode b = t.path("box");
                if (b.size() != 4) throw new IllegalArgumentException("answer_tags: a box needs 4 numbers");
                tags.add(new Detection(
                        new Box(
                                b.get(0).asDouble(),
                                b.get(1).asDouble(),
                                b.get(2).asDouble(),
                                b.get(3).asDouble()),
                        text(t, "label"),
                        1.0));
            }
            return new BoxesValue(tags);
        }
        if (row.has("answer_image")) {
            return new ListValue(List.of(Images.load(dir.resolve(text(row, "answer_image"))), Images.load(imagePath)));
        }
        throw new IllegalArgumentException("no answer, answer_tags or answer_image");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("missing text field '" + field + "'");
        return v.asText();
    }
}
