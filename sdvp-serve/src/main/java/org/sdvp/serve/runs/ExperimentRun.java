package org.sdvp.serve.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An experiment folder as {@code sdvp experiment} leaves it: {@code report.json} (optional: a run still going
 * has none yet) and {@code eval/FW/ROW/SEED/TASK.json}. Rows are the folder names ({@code sdvp_gqa-sim});
 * {@link #name} gives the report's name ({@code sdvp:gqa-sim}). Every figure the report lacks is read from
 * the results files; the report's optional fields (intervals of the deltas) are used when present.
 */
public final class ExperimentRun {
    /** A change against the baseline with its interval; {@code lo}/{@code hi} are NaN without one. */
    public record Delta(double mean, double lo, double hi) {
        public boolean hasInterval() {
            return !Double.isNaN(lo) && !Double.isNaN(hi);
        }
    }

    private final Path dir;
    private final JsonNode report;
    /** fw → row folder → seed → task → results.json */
    private final Map<String, Map<String, Map<String, Map<String, Path>>>> cells = new TreeMap<>();

    private final ParsedFiles<JsonNode> results;

    ExperimentRun(Path dir, JsonNode report, ParsedFiles<JsonNode> results) {
        this.dir = dir;
        this.report = report == null ? MissingNode.getInstance() : report;
        this.results = results;
        Path eval = dir.resolve("eval");
        if (!Files.isDirectory(eval)) return;
        try (Stream<Path> files = Files.walk(eval, 4)) {
            files.filter(p -> p.getFileName().toString().endsWith(".json")
                            && eval.relativize(p).getNameCount() == 4)
                    .forEach(p -> {
                        Path r = eval.relativize(p);
                        String task = r.getFileName().toString().replaceFirst("\\.json$", "");
                        cells.computeIfAbsent(r.getName(0).toString(), k -> new TreeMap<>())
                                .computeIfAbsent(r.getName(1).toString(), k -> new TreeMap<>())
                                .computeIfAbsent(r.getName(2).toString(), k -> new TreeMap<>())
                                .put(task, p);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + eval + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public JsonNode report() {
        return report;
    }

    public boolean hasReport() {
        return !report.isMissingNode();
    }

    public List<String> frameworks() {
        Set<String> out = new LinkedHashSet<>();
        report.path("frameworks").fieldNames().forEachRemaining(out::add);
        out.addAll(cells.keySet());
        return List.copyOf(out);
    }

    /** Row folders in the report's order (table, then ablations), then any other evaluated row. */
    public List<String> rows(String fw) {
        Set<String> out = new LinkedHashSet<>();
        report.path("frameworks").path(fw).path("rows").fieldNames().forEachRemaining(n -> out.add(folder(n)));
        report.path("ablations").path(fw).path("rows").fieldNames().forEachRemaining(n -> out.add(folder(n)));
        out.retainAll(cells.getOrDefault(fw, Map.of()).keySet());
        out.addAll(cells.getOrDefault(fw, Map.of()).keySet());
        return List.copyOf(out);
    }

    public List<String> tasks(String fw) {
        Set<String> out = new LinkedHashSet<>();
        report.path("frameworks").path(fw).path("counts").fieldNames().forEachRemaining(out::add);
        Set<String> onDisk = new java.util.TreeSet<>();
        cells.getOrDefault(fw, Map.of()).values().forEach(s -> s.values().forEach(t -> onDisk.addAll(t.keySet())));
        out.retainAll(onDisk);
        out.addAll(onDisk);
        return List.copyOf(out);
    }

    public List<String> seeds(String fw, String row) {
        return List.copyOf(
                cells.getOrDefault(fw, Map.of()).getOrDefault(row, Map.of()).keySet());
    }

    /** The report's name of a row folder ({@code sdvp_gqa-sim} → {@code sdvp:gqa-sim}). */
    public String name(String fw, String row) {
        for (String table : List.of("frameworks", "ablations")) {
            for (Iterator<String> it = report.path(table).path(fw).path("rows").fieldNames(); it.hasNext(); ) {
                String n = it.next();
                if (folder(n).equals(row)) return n;
            }
        }
        return row;
    }

    public static String folder(String rowName) {
        return rowName.replace(':', '_');
    }

    /** The results file of a cell, or null. */
    public Path results(String fw, String row, String seed, String task) {
        return cells.getOrDefault(fw, Map.of())
                .getOrDefault(row, Map.of())
                .getOrDefault(seed, Map.of())
                .get(task);
    }

    /** Mean score over seeds in [0, 1], or NaN when the row was not evaluated on the task. */
    public double score(String fw, String row, String task) {
        JsonNode v = table(fw, row).path(task);
        if (v.isNumber()) return v.asDouble();
        double sum = 0;
        int n = 0;
        for (String seed : seeds(fw, row)) {
            Path p = results(fw, row, seed, task);
            if (p == null) continue;
            sum += result(p).path("score").asDouble();
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Standard deviation over seeds as the report gives it, or NaN. */
    public double spread(String fw, String row, String task) {
        JsonNode v = report.path("frameworks")
                .path(fw)
                .path("spread")
                .path(name(fw, row))
                .path(task);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** Questions per seed on a task. */
    public int count(String fw, String task) {
        JsonNode v = report.path("frameworks").path(fw).path("counts").path(task);
        if (v.isNumber()) return v.asInt();
        for (String row : rows(fw)) {
            for (String seed : seeds(fw, row)) {
                Path p = results(fw, row, seed, task);
                if (p != null) return result(p).path("count").asInt();
            }
        }
        return 0;
    }

    /**
     * The row's change against the baseline: {@code frameworks.FW.deltas.ROW.TASK = {mean, lo, hi}} (paired
     * bootstrap) when the report has it, else {@code deltas.FW.rows.ROW.TASK}, else score − baseline score.
     */
    public Delta delta(String fw, String row, String task) {
        String name = name(fw, row);
        JsonNode iv =
                report.path("frameworks").path(fw).path("deltas").path(name).path(task);
        if (iv.path("mean").isNumber()) {
            return new Delta(
                    iv.get("mean").asDouble(),
                    iv.path("lo").asDouble(Double.NaN),
                    iv.path("hi").asDouble(Double.NaN));
        }
        JsonNode d = report.path("deltas").path(fw).path("rows").path(name).path(task);
        if (d.isNumber()) return new Delta(d.asDouble(), Double.NaN, Double.NaN);
        return new Delta(score(fw, row, task) - score(fw, "baseline", task), Double.NaN, Double.NaN);
    }

    /** The report's provenance (code version, data hashes, checkpoints), as text pairs. */
    public Map<String, String> provenance() {
        Map<String, String> out = new TreeMap<>();
        report.path("provenance")
                .fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The stage folders under {@code stages/seed-N/}. */
    public List<Path> stages() {
        Path stages = dir.resolve("stages");
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(stages)) return out;
        try (Stream<Path> seeds = Files.list(stages)) {
            for (Path seed : seeds.sorted().toList()) {
                if (!Files.isDirectory(seed)) continue;
                try (Stream<Path> s = Files.list(seed)) {
                    s.filter(StageRun::isStage).sorted().forEach(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + stages + ": " + e.getMessage(), e);
        }
        return out;
    }

    public JsonNode result(Path resultsJson) {
        return results.get(resultsJson, ParsedFiles::json);
    }

    private JsonNode table(String fw, String row) {
        String name = name(fw, row);
        JsonNode v = report.path("frameworks").path(fw).path("rows").path(name);
        return v.isMissingNode()
                ? report.path("ablations").path(fw).path("rows").path(name)
                : v;
    }
}
