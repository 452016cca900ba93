package org.sdvp.distill.experiment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.Json;
import org.sdvp.distill.label.ClusterLabeler;
import org.sdvp.distill.stage.StageSpec;

/**
 * Runs the plan's stages, independent ones side by side. A stage whose {@code experiment-stage.json} exists and whose inputs (plan, S_prev,
 * teacher) are unchanged is done and read back; a stage whose folder has files but no {@code experiment-stage.json} was
 * interrupted and runs again with {@code resume}; a stage made from other inputs starts again.
 */
final class ExperimentStages {
    private final ExperimentLayout layout;
    private final StageRunner runner;
    private final int jobs;
    private final PrintStream log;

    /** @param jobs stages run at once, at most (bounded further by the runner's {@link StageRunner#maxParallel}) */
    ExperimentStages(ExperimentLayout layout, StageRunner runner, int jobs, PrintStream log) {
        this.layout = layout;
        this.runner = runner;
        this.jobs = Math.max(1, Math.min(jobs, runner.maxParallel()));
        this.log = log;
    }

    /** The inputs every stage shares; {@code labelOn}: where they pseudo-label (null: in their own JVM). */
    record Inputs(
            Path student, Map<String, Path> teachers, String framework, int questions, ClusterLabeler.On labelOn) {}

    /**
     * Runs every stage once the stages it depends on are done, up to {@code jobs} at once, in plan order among
     * the ready ones. A stage's result depends only on its inputs (its own seed, S_prev, teacher, calls), so the
     * order and what runs beside it change nothing. After a failure no further stage starts; the running ones
     * finish (their work is kept for a resume) and the first failure is thrown.
     *
     * @return "seed|id" → its summary, in plan order
     */
    Map<String, StageSummary> run(ExperimentPlan plan, Inputs in) throws Exception {
        List<StagePlan> pending = new ArrayList<>(plan.stages());
        Map<String, StageSummary> done = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "sdvp-stage");
            t.setDaemon(true);
            return t;
        });
        CompletionService<StageSummary> running = new ExecutorCompletionService<>(pool);
        int active = 0;
        Exception failure = null;
        try {
            while (!pending.isEmpty() || active > 0) {
                for (var it = pending.iterator(); failure == null && active < jobs && it.hasNext(); ) {
                    StagePlan s = it.next();
                    if (!s.dependencies().stream().allMatch(d -> done.containsKey(key(s.seed(), d)))) continue;
                    it.remove();
                    StageSpec spec = spec(s, in, done);
                    int number = plan.stages().indexOf(s) + 1;
                    running.submit(() -> one(s, spec, number, plan.stages().size()));
                    active++;
                }
                if (active == 0) {
                    if (failure != null) break;
                    throw new IllegalStateException(
                            "stages " + pending.stream().map(StagePlan::id).toList()
                                    + " wait for stages that never run (plan order)");
                }
                try {
                    StageSummary s = Parallel.unwrap(running.take());
                    done.put(key(s.seed(), s.id()), s);
                } catch (Exception e) {
                    if (failure == null) failure = e;
                } finally {
                    active--;
                }
                if (failure != null && active == 0) break;
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure != null) throw failure;
        Map<String, StageSummary> ordered = new LinkedHashMap<>();
        for (StagePlan s : plan.stages()) ordered.put(key(s.seed(), s.id()), done.get(key(s.seed(), s.id())));
        return ordered;
    }

    /** One stage: read back when done with the same inputs, resumed when interrupted, else run. */
    private StageSummary one(StagePlan s, StageSpec spec, int number, int of) throws Exception {
        String inputs = inputs(s, spec);
        Path dir = layout.stage(s.seed(), s.id());
        Path summaryFile = layout.stageSummary(s.seed(), s.id());
        Path inputsFile = dir.resolve(INPUTS_FILE);
        String header = String.format("stage %d/%d %s (seed %d)", number, of, s.id(), s.seed());
        if (Files.isRegularFile(summaryFile) && inputs.equals(Files.readString(inputsFile))) {
            log.println(header + ": done before, reused");
            return Json.mapper().readValue(summaryFile.toFile(), StageSummary.class);
        }
        boolean sameInputs = Files.isRegularFile(inputsFile) && inputs.equals(Files.readString(inputsFile));
        // resume only when the stage itself wrote something (the inputs file alone is this class's)
        boolean resume = sameInputs && hasStageFiles(dir);
        if (!sameInputs && hasStageFiles(dir)) {
            log.println(header + ": " + dir + " holds a stage with other inputs; starting it again");
            ExperimentData.deleteTree(dir);
        }
        Files.createDirectories(dir);
        AtomicFiles.writeString(inputsFile, inputs);
        log.println(header + (resume ? ": resuming" : ": started"));
        long t0 = System.nanoTime();
        StageSummary summary = runner.run(s, spec.toBuilder().resume(resume).build(), log)
                .withWall(Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        Json.write(summaryFile, summary);
        log.printf(
                java.util.Locale.ROOT,
                "%s: done in %.0f s%n",
                header,
                summary.seconds().get(StageSummary.WALL));
        return summary;
    }

    /** Written when a stage starts: what it is made from (plan, S_prev, teacher, data); a resume needs the same. */
    static final String INPUTS_FILE = "stage-inputs.txt";

    private static String inputs(StagePlan s, StageSpec spec) {
        return Json.pretty(s) + "framework " + spec.framework() + "\nquestions " + spec.questions()
                + "\nS_prev " + ExperimentModels.parametersSha256(spec.student())
                + "\nteacher " + ExperimentModels.parametersSha256(spec.teacher())
                + "\ncalls " + (spec.calls() == null ? "collected" : spec.calls()) + "\n";
    }

    static String key(long seed, String id) {
        return seed + "|" + id;
    }

    StageSpec spec(StagePlan s, Inputs in, Map<String, StageSummary> done) throws java.io.IOException {
        Path student = s.startFrom() == null
                ? in.student()
                : Path.of(need(done, s, s.startFrom()).checkpoint());
        Path calls = s.reuseCallsOf() == null
                ? null
                : Path.of(need(done, s, s.reuseCallsOf()).callsFile());
        List<Path> replay = new ArrayList<>();
        for (String r : s.replayCallsOf()) replay.add(Path.of(need(done, s, r).callsFile()));
        Path out = layout.stage(s.seed(), s.id());
        return StageSpec.builder(s.task(), student, in.teachers().get(s.task()), out, s.config())
                .data(layout.data(s.task()))
                .framework(in.framework())
                .questions(in.questions())
                .calls(calls)
                .labels(s.labels())
                .kinds(s.kinds())
                .dataFraction(s.dataFraction())
                .replayScenes(s.replayScenes())
                .replayCalls(replay)
                .labelOn(in.labelOn())
                .build();
    }

    private static StageSummary need(Map<String, StageSummary> done, StagePlan s, String id) {
        StageSummary d = done.get(key(s.seed(), id));
        if (d == null)
            throw new IllegalStateException("stage " + s.id() + " needs " + id + ", which has not run (plan order)");
        return d;
    }

    private static boolean hasStageFiles(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> !p.getFileName().toString().equals(INPUTS_FILE));
        }
    }
}
