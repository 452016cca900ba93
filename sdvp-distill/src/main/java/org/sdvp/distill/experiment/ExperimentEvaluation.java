package org.sdvp.distill.experiment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.Version;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.io.Json;

/**
 * Every row × every task's test split, per framework. Each result is written atomically to
 * {@code eval/FW/ROW/SEED/TASK.json} and an existing file is read back instead of evaluating again, so an
 * interrupted experiment resumes where it stopped.
 */
final class ExperimentEvaluation {
    /** One cell of the results: a row's score on a task, for one seed (or {@link RowPlan#SHARED}). */
    record Cell(String framework, String row, String seed, String task) {}

    /**
     * The provenance key of what a result was computed from: the modules spec, the SHA-256 of every checkpoint
     * it names and of the test split. A stored result is reused only when it matches.
     */
    static final String INPUTS = "inputs";

    static String inputs(String spec, String dataSha256) {
        StringBuilder b = new StringBuilder(spec).append(" | data ").append(dataSha256);
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0) b.append(" | ").append(entry, 0, colon).append(' ')
                    .append(ExperimentModels.parametersSha256(Path.of(entry.substring(colon + 1))));
        }
        return b.toString();
    }

    /** A row's backends at a seed, as a {@code --modules} spec. */
    interface Modules {
        String spec(RowPlan row, Long seed);
    }

    private final ExperimentLayout layout;
    private final RowEvaluator evaluator;
    private final int concurrency;
    private final Map<String, String> dataHashes;
    private final PrintStream log;

    /** @param dataHashes {@code TASK/SPLIT} → the split's SHA-256, part of each result's inputs */
    ExperimentEvaluation(ExperimentLayout layout, RowEvaluator evaluator, int concurrency,
                         Map<String, String> dataHashes, PrintStream log) {
        this.layout = layout;
        this.evaluator = evaluator;
        this.concurrency = concurrency;
        this.dataHashes = Map.copyOf(dataHashes);
        this.log = log;
    }

    /** @return every cell's result, in framework, row, seed, task order; {@code evaluated[0]} counts new evaluations */
    Map<Cell, EvalResult> run(List<String> frameworks, List<RowPlan> rows, List<String> tasks, Modules modules,
                              int[] evaluated) throws Exception {
        Map<Cell, EvalResult> out = new LinkedHashMap<>();
        for (String fw : frameworks) {
            for (RowPlan row : rows) {
                List<String> labels = row.seedLabels();
                for (int i = 0; i < labels.size(); i++) {
                    Long seed = row.perSeed() ? row.seeds().get(i) : null;
                    for (String task : tasks) {
                        Path file = layout.eval(fw, row, labels.get(i), task);
                        RowEvaluator.Job job = job(fw, row, seed, task, modules);
                        EvalResult r = Files.isRegularFile(file) ? Json.mapper().readValue(file.toFile(), EvalResult.class) : null;
                        if (r != null && !job.provenance().get(INPUTS).equals(r.provenance().get(INPUTS))) {
                            log.println("eval " + file + ": made from other data or checkpoints; evaluating again");
                            r = null;
                        }
                        if (r == null) {
                            r = evaluator.evaluate(job, QuestionTraces.beside(file));
                            Json.write(file, r);
                            evaluated[0]++;
                            log.printf(java.util.Locale.ROOT, "eval %s %-22s %-8s %-9s %.3f on %d questions (%.1f s)%n",
                                    fw, row.name(), labels.get(i), task, r.score(), r.count(), r.seconds());
                        }
                        out.put(new Cell(fw, row.name(), labels.get(i), task), r);
                    }
                }
            }
        }
        return out;
    }

    RowEvaluator.Job job(String fw, RowPlan row, Long seed, String task, Modules modules) {
        String spec = modules.spec(row, seed);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("row", row.name());
        provenance.put("seed", seed == null ? RowPlan.SHARED : seed.toString());
        provenance.put("data", layout.data(task).toAbsolutePath().normalize().toString());
        provenance.put("programs", "dataset");
        provenance.put("modules", spec);
        provenance.put("concurrency", Integer.toString(concurrency));
        provenance.put(INPUTS, inputs(spec, dataHashes.getOrDefault(task + "/test", "unknown")));
        provenance.put("sdvp", Version.describe());
        provenance.put("java", System.getProperty("java.version"));
        return new RowEvaluator.Job(task, layout.data(task), "test", fw, spec, concurrency, provenance);
    }
}
