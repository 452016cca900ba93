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
import org.sdvp.core.evaluation.Outcome;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.value.Value;
import org.sdvp.data.clevr.ClevrQuestion;
import org.sdvp.data.clevr.program.VisProgEmitter;
import org.sdvp.data.json.ArrayElements;
import org.sdvp.data.json.Cut;
import org.sdvp.data.json.Entries;
import org.sdvp.data.json.UncheckedDataException;
import org.sdvp.data.nlvr2.Nlvr2Consistency;
import org.sdvp.data.nlvr2.Nlvr2Row;
import org.sdvp.world.io.ProgramCodec;

/**
 * A world task as the evaluator sees it: {@code open(DIR, SPLIT)} reads {@code DIR/SPLIT/questions.json}
 * (or {@code questions.jsonl} for pairs), converts each functional program to VisProg and returns the
 * examples with their gold values. Thread-safe (immutable).
 */
public final class WorldTask implements Task {
    /** NLVR2's {@code split-setId-pairId-sentenceId} (the split may itself contain '-'). */
    private static final java.util.regex.Pattern IDENTIFIER =
            java.util.regex.Pattern.compile("(.+)-(\\d+)-(\\d+)-(\\d+)");

    private final WorldTaskSpec spec;

    public WorldTask(WorldTaskSpec spec) {
        this.spec = spec;
    }

    public WorldTaskSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String description() {
        return spec.description() + " [" + spec.role() + ", default style " + spec.defaultStyle() + "]";
    }

    @Override
    public Set<String> initialVariables() {
        return spec.pairs() ? Set.of("LEFT", "RIGHT") : Set.of("IMAGE");
    }

    @Override
    public Metric metric() {
        return spec.metric();
    }

    /** Image-pair tasks ({@code nlvr-sim}) report NLVR2's consistency, computed as for {@code nlvr2}. */
    @Override
    public Map<String, Double> aggregates(List<Outcome> outcomes) {
        return spec.pairs() ? Map.of(Nlvr2Consistency.NAME, Nlvr2Consistency.ofOutcomes(outcomes)) : Map.of();
    }

    /** {@code viper}: native ViperGPT programs written from each question's functional program. */
    @Override
    public Optional<ProgramSource> programs(String framework, Path dataDir, String split) throws DataException {
        return framework.equals("viper") ? Optional.of(NativeViperPrograms.of(spec, dataDir, split)) : Optional.empty();
    }

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

    /**
     * Every example of a questions file. An entry that breaks the schema (a malformed JSON line, a field of
     * the wrong type, a number out of range, nesting too deep, a missing field, a broken program) becomes an
     * {@link Example#invalid invalid example} naming file and entry, which the run records as that question's
     * error. {@code questions.json} is read by sdvp-data's streaming CLEVR reader (a syntax error inside its
     * array stops the read: a JSON array cannot be resynchronised; a file cut off gives every complete question,
     * then the cut as one error, reason {@code truncated-json}); {@code questions.jsonl} holds NLVR2's
     * fields and is read line by line, so a bad line costs only that line.
     */
    public List<Example> read(Path dir, Path file) throws DataException {
        return spec.pairs() ? readPairs(dir, file) : readQuestions(dir, file);
    }

    private List<Example> readQuestions(Path dir, Path file) throws DataException {
        if (!Files.isRegularFile(file)) throw new DataException("file not found: " + file);
        List<Example> out = new ArrayList<>();
        Cut.Scan scan = ArrayElements.scan(file, "questions"); // checks the syntax, finds a cut
        try (ArrayElements<JsonNode> it = ArrayElements.openUpToCut(file, "questions", JsonNode.class)) {
            for (int i = 0; it.hasNext(); i++) {
                JsonNode node = it.next();
                String where = "questions[" + i + "]";
                int index = i;
                out.add(entry(file, where, () -> example(dir, Entries.bind(node, ClevrQuestion.class), index)));
            }
        } catch (UncheckedDataException e) {
            throw e.getCause();
        }
        scan.cut().ifPresent(cut -> out.add(cut.example()));
        return out;
    }

    private List<Example> readPairs(Path dir, Path file) throws DataException {
        if (!Files.isRegularFile(file)) throw new DataException("file not found: " + file);
        List<Example> out = new ArrayList<>();
        try (java.io.BufferedReader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line;
            for (int n = 1; (line = in.readLine()) != null; n++) {
                if (line.isBlank()) continue;
                String text = line;
                // the whole tree first: nesting beyond the parser's limit is found even in fields nobody binds
                out.add(entry(
                        file,
                        "line " + n,
                        () -> pair(dir, Entries.bind(Json.mapper().readTree(text), Nlvr2Row.class))));
            }
        } catch (java.io.IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** See {@link Entries#MAX_DEPTH}. */
    static final int MAX_DEPTH = Entries.MAX_DEPTH;

    private static Example entry(Path file, String where, Entries.Reader reader) {
        return Entries.read(file, where, where, reader);
    }

    private Example example(Path dir, ClevrQuestion q, int i) throws DataException {
        required(q.imageFilename(), "image_filename");
        required(q.question(), "question");
        String program = VisProgEmitter.emit(ProgramCodec.decode(q.program()).typed(), spec.flavor());
        Value gold = Answers.gold(spec.answers(), q);
        String type = q.type() == null ? "unknown" : q.type();
        String id =
                q.questionIndex() != null ? (q.split() == null ? "" : q.split()) + "-" + q.questionIndex() : "q" + i;
        Map<String, Path> images = Map.of("IMAGE", dir.resolve("images").resolve(q.imageFilename()));
        return new Example(id, type, q.question(), images, Optional.of(program), Optional.of(gold), Map.of());
    }

    private Example pair(Path dir, Nlvr2Row q) throws DataException {
        required(q.identifier(), "identifier");
        required(q.sentence(), "sentence");
        required(q.leftImage(), "left_image");
        required(q.rightImage(), "right_image");
        String program = VisProgEmitter.emit(ProgramCodec.decode(q.program()).typed(), spec.flavor());
        Value gold = Answers.gold(spec.answers(), q.label());
        String type = q.type() == null ? "unknown" : q.type();
        String id = text(q.identifier(), "identifier");
        Map<String, Path> images = Map.of(
                "LEFT",
                dir.resolve(text(q.leftImage(), "left_image")),
                "RIGHT",
                dir.resolve(text(q.rightImage(), "right_image")));
        // NLVR2 consistency groups rows by the identifier without its pair id
        var m = IDENTIFIER.matcher(id);
        String sentence = m.matches() ? m.group(1) + "-" + m.group(2) + "-" + m.group(4) : id;
        return new Example(
                id,
                type,
                text(q.sentence(), "sentence"),
                images,
                Optional.of(program),
                Optional.of(gold),
                Map.of(Nlvr2Consistency.SENTENCE_ID, sentence));
    }

    private static void required(String v, String field) throws DataException {
        Entries.required(v, field);
    }

    private static String text(String v, String field) {
        if (v == null) throw new IllegalArgumentException("missing text field '" + field + "'");
        return v;
    }

    private String splits(Path dataDir) {
        if (!Files.isDirectory(dataDir)) return "none (" + dataDir + " does not exist)";
        try (Stream<Path> s = Files.list(dataDir)) {
            List<String> found = s.filter(d -> Files.isRegularFile(d.resolve(spec.questionsFile())))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
            return found.isEmpty() ? "none" : String.join(", ", found);
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
