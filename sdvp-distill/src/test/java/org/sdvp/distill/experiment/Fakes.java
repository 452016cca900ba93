package org.sdvp.distill.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.Json;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.Labelled;
import org.sdvp.distill.stage.StageResult;
import org.sdvp.distill.stage.StageSpec;
import org.sdvp.distill.train.StepwiseDistiller;
import org.sdvp.models.teacher.TeacherPreset;
import org.sdvp.models.vlm.PretrainPreset;

/** Stand-ins for training and model evaluation, so that the experiment's wiring can be tested in seconds. */
final class Fakes {
    private Fakes() {}

    /** Writes a checkpoint folder whose config.json records what {@link ExperimentModels#matches} checks. */
    static void checkpoint(Path dir, String stage, String task, String preset, long seed) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("model.params"), "fake " + dir);
        Object arch = stage.equals("teacher")
                ? TeacherPreset.named(preset).architecture()
                : PretrainPreset.named(preset).architecture();
        Files.writeString(dir.resolve("config.json"), """
                {"kind": "vlm", "parameters": {"sha256": "%s"}, "architecture": %s,
                 "provenance": {"stage": "%s", "task": "%s", "seed": %d, "recipe": {"preset": "%s"}}}
                """.formatted(
                        Integer.toHexString(dir.toString().hashCode()), Json.pretty(arch), stage, task, seed, preset));
    }

    static final class Models implements ModelBuilder {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void pretrain(String preset, long seed, Path out, PrintStream log) throws IOException {
            calls.add("pretrain " + preset);
            checkpoint(out, "pretrain", "general", preset, seed);
        }

        @Override
        public void teacher(String task, String preset, long seed, Path out, PrintStream log) throws IOException {
            calls.add("teacher " + task);
            checkpoint(out, "teacher", task, preset, seed);
        }
    }

    /** A stage that copies nothing and trains nothing: writes a student folder and a calls file. */
    static final class Stages implements StageRunner {
        final List<StageSpec> specs = Collections.synchronizedList(new ArrayList<>());

        final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public StageSummary run(StagePlan plan, StageSpec spec, PrintStream log) throws Exception {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20); // long enough for independent stages to overlap
                return StageSummary.of(plan, result(spec));
            } finally {
                running.decrementAndGet();
            }
        }

        StageResult result(StageSpec spec) throws IOException {
            specs.add(spec);
            Path student = spec.out().resolve("student");
            checkpoint(student, "distill", spec.task(), "quick", spec.config().seed());
            Path calls = spec.calls() != null ? spec.calls() : spec.out().resolve("calls.jsonl");
            if (spec.calls() == null) Files.writeString(calls, "");
            var training = new StepwiseDistiller.Result(
                    List.of(2.0, 1.5, 1.2), 2, spec.config().steps(), 0, 0.1, 100, 0);
            return new StageResult(
                    student,
                    calls,
                    null,
                    new Labelled(DistillSet.empty(), Map.of("VQA", 3), Map.of(), Map.of(), Map.of(), Map.of()),
                    0,
                    training,
                    Map.of("collect", 0.5, "distill", 1.0));
        }
    }

    /**
     * Misses a made-up half of the split's questions, chosen from the modules spec, task and question id (so
     * that rows and seeds differ); counts every evaluation.
     */
    static final class Evaluator implements RowEvaluator {
        final List<Job> jobs = Collections.synchronizedList(new ArrayList<>());

        @Override
        public EvalResult evaluate(Job job) throws Exception {
            jobs.add(job);
            List<String> ids = new ArrayList<>();
            try (var examples = Tasks.find(job.task()).open(job.data(), job.split())) {
                while (examples.hasNext()) ids.add(examples.next().id());
            }
            List<QuestionResult> misses = new ArrayList<>();
            for (String id : ids) {
                if (Math.floorMod((job.modules() + job.task() + id).hashCode(), 2) == 0) {
                    misses.add(new QuestionResult(id, "t", "q?", "no", "yes", 0, null));
                }
            }
            double score = 1 - misses.size() / (double) ids.size();
            return new EvalResult(
                    job.task(),
                    job.split(),
                    job.framework(),
                    job.modules(),
                    "accuracy",
                    ids.size(),
                    score,
                    0,
                    Map.of(),
                    misses,
                    0.01,
                    Map.of(),
                    Map.of(),
                    job.provenance(),
                    Map.of(),
                    Map.of());
        }

        @Override
        public List<Traced> trace(Job job, Set<String> ids) {
            return List.of();
        }
    }
}
