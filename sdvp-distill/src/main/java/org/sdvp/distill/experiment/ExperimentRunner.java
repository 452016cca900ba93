package org.sdvp.distill.experiment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sdvp.core.Version;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.Json;
import org.sdvp.distill.experiment.ExperimentEvaluation.Cell;
import org.sdvp.distill.label.ClusterLabeler;
import org.sdvp.distill.report.ExperimentReport;
import org.sdvp.distill.report.ExperimentReport.FrameworkRows;
import org.sdvp.distill.report.ReportHtml;

/**
 * {@code sdvp experiment}: data → S0 → teachers → stages → evaluation → report, in {@code out}, resumable
 * at every step (each part skips what is already on disk and matches).
 */
public final class ExperimentRunner {

    /**
     * @param out             the experiment folder
     * @param student         S0 to use, or null (cached, shipped, or pretrained)
     * @param shippedModels   folders that may hold shipped checkpoints ({@code models/student-PRESET/})
     * @param frameworks      evaluated frameworks (the first one gets the example traces)
     * @param traceFramework  the framework whose programs the stages trace
     * @param jobs            independent stages and evaluations run at once (results do not depend on it)
     * @param labelOn         where the stages pseudo-label ({@code --spark}), or null for their own JVM
     */
    public record Options(
            ExperimentPreset preset,
            Path out,
            Path student,
            List<Path> shippedModels,
            List<String> frameworks,
            String traceFramework,
            int jobs,
            ClusterLabeler.On labelOn) {
        public Options {
            if (jobs < 1) throw new IllegalArgumentException("jobs must be >= 1: " + jobs);
            Objects.requireNonNull(preset, "preset");
            Objects.requireNonNull(out, "out");
            shippedModels = List.copyOf(shippedModels);
            frameworks = List.copyOf(frameworks);
            if (frameworks.isEmpty()) throw new IllegalArgumentException("at least one framework is needed");
            if (frameworks.stream().distinct().count() != frameworks.size()) {
                throw new IllegalArgumentException("frameworks repeat: " + frameworks);
            }
        }

        /** Labelling in the stages' own JVMs. */
        public Options(
                ExperimentPreset preset,
                Path out,
                Path student,
                List<Path> shippedModels,
                List<String> frameworks,
                String traceFramework,
                int jobs) {
            this(preset, out, student, shippedModels, frameworks, traceFramework, jobs, null);
        }

        /** One job at a time. */
        public Options(
                ExperimentPreset preset,
                Path out,
                Path student,
                List<Path> shippedModels,
                List<String> frameworks,
                String traceFramework) {
            this(preset, out, student, shippedModels, frameworks, traceFramework, 1, null);
        }

        /** The default bound on jobs run at once: one per processor, at most 4. */
        public static int defaultJobs() {
            return Parallel.defaultJobs();
        }
    }

    /** The parts that train or evaluate models; tests replace them. */
    public record Parts(ModelBuilder models, StageRunner stages, RowEvaluator evaluator) {
        /**
         * The real parts; with {@code jobs} > 1 the stages and teachers run in worker processes (DJL trains one
         * model per process at a time), otherwise in this one.
         */
        public static Parts real(int jobs) {
            if (jobs <= 1) return new Parts(ModelBuilder.training(), StageRunner.distill(), new ProgramEvaluator());
            StageWorkers workers = StageWorkers.start(jobs);
            return new Parts(workers.models(), workers, new ProgramEvaluator());
        }
    }

    /** What a run produced. */
    public record Result(ExperimentReport report, Path reportJson, Path reportHtml, int evaluated) {}

    private final Options options;
    private final Parts parts;
    private final PrintStream log;

    public ExperimentRunner(Options options, Parts parts, PrintStream log) {
        this.options = options;
        this.parts = parts;
        this.log = log;
    }

    public Result run() throws Exception {
        ExperimentPreset preset = options.preset();
        ExperimentLayout layout = new ExperimentLayout(options.out());
        ExperimentPlan plan = ExperimentPlan.of(preset);
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        log.printf(
                "experiment: preset %s, seeds %s, frameworks %s, %d stages, %d rows, %d jobs at once, out %s%n",
                preset.name(),
                preset.seeds(),
                options.frameworks(),
                plan.stages().size(),
                plan.allRows().size(),
                options.jobs(),
                options.out());

        long t = System.nanoTime();
        Map<String, String> dataHashes = new ExperimentData(layout, log).prepare(preset);
        timings.put("data", seconds(t));

        t = System.nanoTime();
        ExperimentModels models = new ExperimentModels(layout, parts.models(), log);
        ExperimentModels.Student s0 = models.student(preset, options.student(), options.shippedModels());
        timings.put("student", seconds(t));
        t = System.nanoTime();
        Map<String, Path> teachers = models.teachers(preset, options.jobs());
        timings.put("teachers", seconds(t));
        log.println("student S0: " + s0.dir() + " (" + s0.origin() + "); teachers: " + teachers.values());

        t = System.nanoTime();
        var stageInputs = new ExperimentStages.Inputs(
                s0.dir(), teachers, options.traceFramework(), preset.trainQuestions(), options.labelOn());
        Map<String, StageSummary> stages;
        try (StageRunner runner = parts.stages()) {
            stages = new ExperimentStages(layout, runner, options.jobs(), log).run(plan, stageInputs);
        }
        double stageWall = seconds(t);
        Map<String, Double> stageParts = new LinkedHashMap<>();
        stages.values()
                .forEach(s -> s.seconds().forEach((k, v) -> {
                    if (!k.equals(StageSummary.WALL)) stageParts.merge(k, v, Double::sum);
                }));
        for (String part : List.of("collect", "label", "replay", "distill"))
            timings.put(part, stageParts.getOrDefault(part, 0.0));
        stageParts.forEach((k, v) -> timings.putIfAbsent(k, v));
        timings.put("stages (this run)", stageWall);

        t = System.nanoTime();
        ExperimentEvaluation.Modules modules = (row, seed) -> modulesSpec(row, seed, s0.dir(), teachers, stages);
        ExperimentEvaluation evaluation = new ExperimentEvaluation(
                layout, parts.evaluator(), preset.evalConcurrency(), options.jobs(), dataHashes, log);
        int[] evaluated = {0};
        Map<Cell, EvalResult> cells =
                evaluation.run(options.frameworks(), plan.allRows(), plan.tasks(), modules, evaluated);
        timings.put("eval", seconds(t));

        t = System.nanoTime();
        String fw0 = options.frameworks().get(0);
        var examples = new ExampleTraces(parts.evaluator(), evaluation, log)
                .render(fw0, preset.seeds().get(0), cells, plan, modules);
        timings.put("examples", seconds(t));
        timings.put("total (this run)", seconds(start));

        t = System.nanoTime();
        ExperimentReport report =
                report(plan, cells, evaluation.questions(), stages, examples, s0, teachers, dataHashes, timings);
        log.printf(java.util.Locale.ROOT, "bootstrap intervals computed in %.1f s%n", seconds(t));
        Json.write(layout.reportJson(), report);
        AtomicFiles.writeString(layout.reportHtml(), ReportHtml.render(report));
        return new Result(report, layout.reportJson(), layout.reportHtml(), evaluated[0]);
    }

    static String modulesSpec(
            RowPlan row, Long seed, Path s0, Map<String, Path> teachers, Map<String, StageSummary> stages) {
        String vlm = "vlm:" + s0.toAbsolutePath();
        return switch (row.backend().kind()) {
            case ORACLE -> "oracle";
            case STUDENT -> vlm;
            case TEACHER_SWAP ->
                "teacher:" + teachers.get(row.backend().teacherTask()).toAbsolutePath() + "," + vlm;
            case STAGE -> {
                StageSummary s = stages.get(ExperimentStages.key(
                        Objects.requireNonNull(seed, "seed"), row.backend().stageId()));
                if (s == null)
                    throw new IllegalStateException(
                            "row " + row.name() + ": stage " + row.backend().stageId() + " did not run");
                yield "vlm:" + Path.of(s.checkpoint()).toAbsolutePath();
            }
        };
    }

    private ExperimentReport report(
            ExperimentPlan plan,
            Map<Cell, EvalResult> cells,
            Map<Cell, QuestionScores> questions,
            Map<String, StageSummary> stages,
            List<ExperimentReport.ExampleTrace> examples,
            ExperimentModels.Student s0,
            Map<String, Path> teachers,
            Map<String, String> dataHashes,
            Map<String, Double> timings) {
        ExperimentPreset preset = options.preset();
        Map<String, FrameworkRows> tables = new LinkedHashMap<>(),
                deltas = new LinkedHashMap<>(),
                ablations = new LinkedHashMap<>();
        List<String> unseen =
                plan.tasks().stream().filter(t -> !plan.targets().contains(t)).toList();
        for (String fw : options.frameworks()) {
            tables.put(
                    fw,
                    ReportBuilder.table(fw, plan.rows(), plan.tasks(), cells)
                            .withDeltas(ReportBuilder.intervals(fw, plan.rows(), plan.tasks(), unseen, questions)));
            deltas.put(fw, ReportBuilder.deltas(tables.get(fw), unseen));
            if (!plan.ablationRows().isEmpty()) {
                ablations.put(
                        fw,
                        ReportBuilder.ablationTable(fw, plan, preset.ablationSeed(), plan.tasks(), cells, questions));
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("preset", preset);
        config.put("distill", preset.distillConfig(preset.seeds().get(0)));
        config.put("frameworks", options.frameworks());
        config.put("traceFramework", options.traceFramework());
        config.put("jobs", options.jobs());
        config.put(
                "bootstrap",
                Map.of(
                        "resamples",
                        PairedBootstrap.RESAMPLES,
                        "seed",
                        PairedBootstrap.SEED,
                        "level",
                        PairedBootstrap.LEVEL,
                        "scheme",
                        "paired percentile bootstrap over the test questions; seeds "
                                + "pooled per question (each resample draws a question for every seed at once)"));
        config.put("targets", plan.targets());
        config.put("tasks", plan.tasks());
        config.put("student", s0.origin() + ", shared by every seed");
        config.put("teachers", "one per target task, seed " + preset.teacherSeed() + ", shared by every seed");
        config.put("stages", stages.values());
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("sdvp", Version.describe());
        provenance.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        dataHashes.forEach((k, v) -> provenance.put("data " + k + " sha256", v));
        provenance.put(
                "checkpoint S0", s0.dir().toAbsolutePath() + " sha256 " + ExperimentModels.parametersSha256(s0.dir()));
        teachers.forEach((k, v) -> provenance.put(
                "checkpoint teacher " + k, v.toAbsolutePath() + " sha256 " + ExperimentModels.parametersSha256(v)));
        stages.values()
                .forEach(s -> provenance.put(
                        "checkpoint seed " + s.seed() + " " + s.id(),
                        s.checkpoint() + " sha256 " + ExperimentModels.parametersSha256(Path.of(s.checkpoint()))));
        List<String> notes = new ArrayList<>();
        notes.add("oracle, baseline and teacher-swap involve no seeded training (S0 and the teachers are shared by "
                + "every seed), so they are evaluated once; their spread is 0 by construction.");
        notes.add("naive-ft, sdvp and sdvp-seq: mean ± sample standard deviation over seeds " + preset.seeds() + ".");
        notes.add("sdvp-seq = sdvp:gqa-sim, then a nlvr-sim stage from it replaying gqa-sim's calls.");
        notes.add("changes against the baseline: mean [lo, hi] in points, a 95 % paired bootstrap interval over the "
                + "test questions (" + PairedBootstrap.RESAMPLES + " resamples; seeds pooled per question). It covers "
                + "the test questions' sampling, not the seeds' spread: read it with the ± of the scores table and "
                + "each seed's own interval (deltas.ROW.TASK.seeds).");
        notes.add("timings: data, student, teachers, stages, eval, examples and total are this run's wall time (near 0 "
                + "for reused parts); collect, label, replay and distill are summed over every stage as recorded when it "
                + "ran (config.stages has each stage's own).");
        if (!plan.ablationRows().isEmpty()) {
            notes.add("ablations: one seed (" + preset.ablationSeed() + "), target gqa-sim, evaluated on every task.");
        }
        return new ExperimentReport(
                preset.name(),
                preset.seeds(),
                tables,
                deltas,
                ablations,
                ReportBuilder.curves(stages),
                examples,
                config,
                provenance,
                timings,
                ReportBuilder.stageTimes(stages),
                notes);
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
