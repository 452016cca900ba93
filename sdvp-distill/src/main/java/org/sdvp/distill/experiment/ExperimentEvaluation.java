package org.sdvp.distill.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sdvp.core.Version;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.QuestionTraces;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;

/**
 * Every row × every task's test split, per framework. Each result is written atomically to
 * {@code eval/FW/ROW/SEED/TASK.json} and an existing file is read back instead of evaluating again, so an
 * interrupted experiment resumes where it stopped. Evaluations run up to {@code jobs} at once: each loads its
 * own models and runs the same programs on the same split, so its result does not depend on what runs beside it.
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
            if (colon > 0)
                b.append(" | ")
                        .append(entry, 0, colon)
                        .append(' ')
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
    private final int jobs;
    private final Map<String, String> dataHashes;
    private final PrintStream log;
    private final Map<String, List<String>> splitIds = new ConcurrentHashMap<>();
    private final Map<Cell, QuestionScores> questions = new ConcurrentHashMap<>();

    /**
     * @param concurrency programs run at once within one evaluation
     * @param jobs        evaluations run at once (each on its own models; results do not depend on it)
     * @param dataHashes  {@code TASK/SPLIT} → the split's SHA-256, part of each result's inputs
     */
    ExperimentEvaluation(
            ExperimentLayout layout,
            RowEvaluator evaluator,
            int concurrency,
            int jobs,
            Map<String, String> dataHashes,
            PrintStream log) {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be >= 1: " + jobs);
        this.layout = layout;
        this.evaluator = evaluator;
        this.concurrency = concurrency;
        this.jobs = jobs;
        this.dataHashes = Map.copyOf(dataHashes);
        this.log = log;
    }

    /**
     * Evaluates (or reads back) every cell, up to {@code jobs} at once, and records every cell's per-question
     * scores ({@link #questions()}, and {@code TASK.questions.tsv} beside each result).
     *
     * @return every cell's result, in framework, row, seed, task order; {@code evaluated[0]} counts new evaluations
     */
    Map<Cell, EvalResult> run(
            List<String> frameworks, List<RowPlan> rows, List<String> tasks, Modules modules, int[] evaluated)
            throws Exception {
        List<Cell> cells = new ArrayList<>();
        List<Callable<EvalResult>> work = new ArrayList<>();
        AtomicInteger fresh = new AtomicInteger();
        for (String fw : frameworks) {
            for (RowPlan row : rows) {
                List<String> labels = row.seedLabels();
                for (int i = 0; i < labels.size(); i++) {
                    Long seed = row.perSeed() ? row.seeds().get(i) : null;
                    String label = labels.get(i);
                    for (String task : tasks) {
                        Cell cell = new Cell(fw, row.name(), label, task);
                        cells.add(cell);
                        work.add(() -> cell(cell, row, seed, modules, fresh));
                    }
                }
            }
        }
        List<EvalResult> results = Parallel.all(work, jobs, "sdvp-eval-job");
        evaluated[0] += fresh.get();
        Map<Cell, EvalResult> out = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) out.put(cells.get(i), results.get(i));
        return out;
    }

    /** Every cell's score on every question of its split (after {@link #run}). */
    Map<Cell, QuestionScores> questions() {
        return Map.copyOf(questions);
    }

    private EvalResult cell(Cell c, RowPlan row, Long seed, Modules modules, AtomicInteger fresh) throws Exception {
        Path file = layout.eval(c.framework(), row, c.seed(), c.task());
        RowEvaluator.Job job = job(c.framework(), row, seed, c.task(), modules);
        EvalResult r = Files.isRegularFile(file) ? Json.mapper().readValue(file.toFile(), EvalResult.class) : null;
        if (r != null && !job.provenance().get(INPUTS).equals(r.provenance().get(INPUTS))) {
            log.println("eval " + file + ": made from other data or checkpoints; evaluating again");
            r = null;
        }
        Path perQuestion = layout.evalQuestions(c.framework(), row, c.seed(), c.task());
        boolean evaluate = r == null;
        if (evaluate) {
            r = evaluator.evaluate(job, QuestionTraces.beside(file));
            Json.write(file, r);
            fresh.incrementAndGet();
            log.printf(
                    Locale.ROOT,
                    "eval %s %-22s %-8s %-9s %.3f on %d questions (%.1f s)%n",
                    c.framework(),
                    row.name(),
                    c.seed(),
                    c.task(),
                    r.score(),
                    r.count(),
                    r.seconds());
        }
        QuestionScores q = QuestionScores.of(r, ids(c.task()), file);
        if (evaluate || !Files.isRegularFile(perQuestion)) q.write(perQuestion);
        questions.put(c, q);
        return r;
    }

    /** The test split's question ids, in order (read once per task). */
    private List<String> ids(String task) throws IOException {
        List<String> known = splitIds.get(task);
        if (known != null) return known;
        List<String> ids = new ArrayList<>();
        try (ExampleSource examples = Tasks.find(task).open(layout.data(task), "test")) {
            while (examples.hasNext()) ids.add(examples.next().id());
        } catch (DataException e) {
            throw new IOException(e.getMessage(), e);
        }
        splitIds.putIfAbsent(task, List.copyOf(ids));
        return splitIds.get(task);
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
