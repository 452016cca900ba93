package org.sdvp.data.nlvr2;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Outcome;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.Value;
import org.sdvp.data.json.Entries;
import org.sdvp.data.metric.BooleanAccuracy;

/**
 * {@code --dataset nlvr2}: statements about an image pair, from {@code ROOT/SPLIT.json} (or
 * {@code ROOT/data/SPLIT.json}, as in the NLVR2 repository), images under {@code ROOT/images/SPLIT/} or
 * {@code ROOT/SPLIT/} (train: in the row's {@code directory} sub-folder). Examples have images {@code LEFT}
 * and {@code RIGHT}, the gold answer is a boolean, and there is no program (see the package docs). The
 * file is read line by line: a bad line (malformed or truncated JSON, a field of the wrong type, a missing
 * identifier, a bad label) becomes that statement's error ({@link Entries}), named {@code line N}.
 */
public final class Nlvr2Task implements Task {
    @Override
    public String name() {
        return "nlvr2";
    }

    @Override
    public String description() {
        return "NLVR2 image-pair statements (real data; no programs: use --programs llm or a program file)";
    }

    @Override
    public Set<String> initialVariables() {
        return Set.of("LEFT", "RIGHT");
    }

    @Override
    public Metric metric() {
        return new BooleanAccuracy();
    }

    /** NLVR2's second official figure: the fraction of sentences whose every image pair is right. */
    @Override
    public Map<String, Double> aggregates(List<Outcome> outcomes) {
        return Map.of(Nlvr2Consistency.NAME, Nlvr2Consistency.ofOutcomes(outcomes));
    }

    @Override
    public ExampleSource open(Path root, String split) throws DataException {
        Path file = statementsFile(root, split);
        List<Example> examples = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int n = 1; (line = in.readLine()) != null; n++) {
                if (line.isBlank()) continue;
                String text = line;
                // a bad line (malformed or truncated JSON, a wrong field type, a bad label) is that statement's error
                examples.add(Entries.read(
                        file,
                        "line " + n,
                        "line " + n,
                        () -> toExample(
                                root, split, Entries.bind(Json.mapper().readTree(text), Nlvr2Row.class), file)));
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return ExampleSource.of(examples);
    }

    static Path statementsFile(Path root, String split) throws DataException {
        for (Path p :
                List.of(root.resolve(split + ".json"), root.resolve("data").resolve(split + ".json"))) {
            if (Files.isRegularFile(p)) return p;
        }
        TreeSet<String> found = new TreeSet<>();
        for (Path dir : List.of(root, root.resolve("data"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".json"))
                        .forEach(n -> found.add(n.substring(0, n.length() - ".json".length())));
            } catch (IOException e) {
                // unreadable folder: nothing to list
            }
        }
        throw new DataException("unknown NLVR2 split '" + split + "' under " + root + "; splits found: "
                + (found.isEmpty() ? "(none: expected SPLIT.json)" : String.join(", ", found)));
    }

    static Example toExample(Path root, String split, Nlvr2Row row, Path file) throws DataException {
        Entries.required(row.identifier(), "identifier");
        if (row.identifier().split("-").length != 4) {
            throw new DataException(
                    DataException.Kind.ABSURD_VALUE,
                    "NLVR2 row in " + file + " has a bad identifier '" + row.identifier()
                            + "' (expected split-setId-pairId-sentenceId)");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("sentenceKey", row.sentenceKey());
        meta.put(Nlvr2Consistency.SENTENCE_ID, row.sentenceKey()); // the key nlvr-sim uses too
        meta.put("pairId", row.parts()[2]);
        if (row.writer() != null) meta.put("writer", row.writer());
        if (row.synset() != null) meta.put("synset", row.synset());
        Optional<Value> gold = Optional.empty();
        if (row.label() != null) {
            String l = row.label().strip().toLowerCase(Locale.ROOT);
            if (!l.equals("true") && !l.equals("false")) {
                throw new DataException(
                        DataException.Kind.ABSURD_VALUE,
                        "NLVR2 row " + row.identifier() + " in " + file + " has label '" + row.label()
                                + "' (expected \"True\" or \"False\")");
            }
            gold = Optional.of(BoolValue.of(l.equals("true")));
        }
        return new Example(
                row.identifier(),
                "statement",
                row.sentence() == null ? "" : row.sentence(),
                Map.of("LEFT", image(root, split, row, 0), "RIGHT", image(root, split, row, 1)),
                Optional.empty(),
                gold,
                meta);
    }

    /** The first existing candidate location; else the first candidate (the evaluator reports it missing). */
    static Path image(Path root, String split, Nlvr2Row row, int side) {
        String name = row.imageName(side);
        List<Path> candidates = new ArrayList<>();
        for (Path base : List.of(root.resolve("images").resolve(split), root.resolve(split), root.resolve("images"))) {
            if (row.directory() != null && !row.directory().isBlank())
                candidates.add(base.resolve(row.directory()).resolve(name));
            candidates.add(base.resolve(name));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(candidates.get(0));
    }
}
