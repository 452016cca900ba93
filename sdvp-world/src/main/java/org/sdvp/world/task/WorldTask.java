package org.sdvp.world.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Metric;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.io.DataException;
import org.sdvp.core.value.Value;
import org.sdvp.world.io.ProgramCodec;
import org.sdvp.world.io.WorldFiles;
import org.sdvp.world.program.VisProgConverter;
import org.sdvp.world.question.FProgram;

/**
 * A world task as the evaluator sees it: {@code open(DIR, SPLIT)} reads {@code DIR/SPLIT/questions.json}
 * (or {@code questions.jsonl} for pairs), converts each functional program to VisProg and returns the
 * examples with their gold values. Thread-safe (immutable).
 */
public final class WorldTask implements Task {
    /** NLVR2's {@code split-setId-pairId-sentenceId} (the split may itself contain '-'). */
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("(.+)-(\\d+)-(\\d+)-(\\d+)");
    private final WorldTaskSpec spec;

    public WorldTask(WorldTaskSpec spec) { this.spec = spec; }

    public WorldTaskSpec spec() { return spec; }

    @Override public String name() { return spec.name(); }

    @Override public String description() { return spec.description() + " [" + spec.role() + ", default style " + spec.defaultStyle() + "]"; }

    @Override public Set<String> initialVariables() { return spec.pairs() ? Set.of("LEFT", "RIGHT") : Set.of("IMAGE"); }

    @Override public Metric metric() { return spec.metric(); }

    @Override
    public ExampleSource open(Path dataDir, String split) throws DataException {
        Path dir = dataDir.resolve(split);
        Path file = dir.resolve(spec.questionsFile());
        if (!Files.isRegularFile(file)) {
            throw new DataException("no " + spec.questionsFile() + " for split '" + split + "' in " + dataDir
                    + "; splits found: " + splits(dataDir) + " (generate one with: sdvp world generate --task "
                    + spec.name() + " --split " + split + " --out " + dataDir + ")");
        }
        return ExampleSource.of(read(dir, file));
    }

    /** Every example of a questions file; entries that break the schema are errors naming file and entry. */
    public List<Example> read(Path dir, Path file) throws DataException {
        List<JsonNode> rows;
        if (spec.pairs()) {
            rows = WorldFiles.readLines(file);
        } else {
            JsonNode qs = WorldFiles.read(file).get("questions");
            if (qs == null || !qs.isArray()) throw WorldFiles.invalid(file, "top level", "no 'questions' array");
            rows = new ArrayList<>();
            qs.forEach(rows::add);
        }
        List<Example> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String where = spec.pairs() ? "line " + (i + 1) : "questions[" + i + "]";
            try {
                out.add(example(dir, rows.get(i), i));
            } catch (RuntimeException e) {
                throw WorldFiles.invalid(file, where, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return out;
    }

    private Example example(Path dir, JsonNode q, int i) {
        FProgram p = ProgramCodec.decode(q.get("program"));
        String program = VisProgConverter.convert(p, spec.flavor());
        Value gold = Answers.gold(spec.answers(), q);
        String type = q.path("type").asText("unknown");
        if (spec.pairs()) {
            String id = text(q, "identifier");
            Map<String, Path> images = Map.of("LEFT", dir.resolve(text(q, "left_image")),
                    "RIGHT", dir.resolve(text(q, "right_image")));
            // NLVR2 consistency groups rows by the identifier without its pair id
            var m = IDENTIFIER.matcher(id);
            String sentence = m.matches() ? m.group(1) + "-" + m.group(2) + "-" + m.group(4) : id;
            return new Example(id, type, text(q, "sentence"), images, Optional.of(program), Optional.of(gold),
                    Map.of("sentence_id", sentence));
        }
        String id = q.has("question_index") ? q.get("split").asText("") + "-" + q.get("question_index").asInt() : "q" + i;
        Map<String, Path> images = Map.of("IMAGE", dir.resolve("images").resolve(text(q, "image_filename")));
        return new Example(id, type, text(q, "question"), images, Optional.of(program), Optional.of(gold), Map.of());
    }

    private static String text(JsonNode q, String field) {
        JsonNode v = q.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("missing text field '" + field + "'");
        return v.asText();
    }

    private String splits(Path dataDir) {
        if (!Files.isDirectory(dataDir)) return "none (" + dataDir + " does not exist)";
        try (Stream<Path> s = Files.list(dataDir)) {
            List<String> found = s.filter(d -> Files.isRegularFile(d.resolve(spec.questionsFile())))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            return found.isEmpty() ? "none" : String.join(", ", found);
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
