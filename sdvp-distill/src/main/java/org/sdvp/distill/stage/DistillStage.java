package org.sdvp.distill.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Limited;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.interp.Frameworks;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.distill.label.CallImages;
import org.sdvp.distill.label.ClusterLabeler;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.label.Labelled;
import org.sdvp.distill.label.PseudoLabeler;
import org.sdvp.distill.replay.Replay;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.distill.trace.CollectedCalls;
import org.sdvp.distill.trace.SubTaskCall;
import org.sdvp.distill.trace.TraceCollector;
import org.sdvp.distill.train.StepwiseDistiller;
import org.sdvp.distill.train.WeightSpaceEnsemble;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.vlm.LocCalibration;
import org.sdvp.models.vlm.PretrainPreset;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.models.vlm.VlmModel;

/**
 * One SDVP stage (SDVP.md, "One stage"): trace the task's training programs (teacher-driven by default),
 * pseudo-label the distillable calls through the teacher's adapter, filter them, build the replay set
 * labelled by the frozen previous student, distil, and write S_new with its provenance.
 *
 * <p>Files in {@code out}: {@code calls.jsonl} (+ {@code .summary.json}), {@code state/} (resumable
 * training state), {@code student/} (S_new's checkpoint), {@code distributions.json} (teacher vs student
 * before/after on a sample of targets, {@link DistributionSample}) and {@code stage.json} (counts, timings,
 * curve).
 */
public final class DistillStage {
    /** Questions traced concurrently while collecting (cross-program batching, as {@code eval}). */
    static final int CONCURRENCY = 16;
    /** The general folder's calls ({@code --replay-root}), in the stage's folder. */
    public static final String REPLAY_CALLS = "replay-calls.jsonl";

    private DistillStage() {}

    /** Runs the stage; {@code log} gets progress bars and one-line summaries (null for none). */
    public static StageResult run(StageSpec spec, PrintStream log) throws Exception {
        return run(spec, log, StageMemo.none());
    }

    /** As {@link #run(StageSpec, PrintStream)}, reusing the labels and general replay {@code memo} holds. */
    public static StageResult run(StageSpec spec, PrintStream log, StageMemo memo) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        // the teacher is loaded first: a chain refused at load (a model.json mismatch) leaves nothing written
        try (ModelServices teacher = StageTeacher.open(spec.teacher(), spec.data())) {
            Files.createDirectories(spec.out());
            long t0 = System.nanoTime();
            Path callsFile = spec.calls() != null ? spec.calls() : spec.out().resolve("calls.jsonl");
            CollectedCalls collected = null;
            if (spec.calls() == null && !(spec.resume() && Files.isRegularFile(callsFile))) {
                collected = collect(spec, callsFile, log);
            }
            seconds.put("collect", since(t0));
            return train(spec, log, memo, teacher, callsFile, collected, seconds);
        }
    }

    private static StageResult train(
            StageSpec spec,
            PrintStream log,
            StageMemo memo,
            ModelServices teacher,
            Path callsFile,
            CollectedCalls collected,
            Map<String, Double> seconds)
            throws Exception {
        long t0 = System.nanoTime();
        try (VlmModel student = VlmModel.load(spec.student())) {
            Labelled labelled = memo.labels(spec, callsFile, () -> label(spec, callsFile, teacher, student, log));
            DistillSet targets = labelled.targets()
                    .restrictTo(spec.kinds())
                    .fraction(spec.dataFraction(), spec.config().seed());
            say(log, "labels: " + labelled.summary());
            if (!labelled.unmappedSummary().isEmpty()) say(log, labelled.unmappedSummary());
            seconds.put("label", since(t0));

            t0 = System.nanoTime();
            DistillSet replay = DistillSet.empty();
            if (spec.config().selfDistills()) {
                if (spec.replayScenes() > 0) {
                    replay = memo.generalReplay(
                            spec,
                            () -> Replay.general(
                                    student, spec.replayScenes(), spec.config().seed()));
                }
                for (Path earlier : spec.replayCalls())
                    replay = replay.plus(Replay.ofCalls(student, CallsFile.read(earlier)));
                if (spec.replayFolder() != null)
                    replay = replay.plus(Replay.ofCalls(student, CallsFile.read(replayFolderCalls(spec, log))));
                say(
                        log,
                        "replay: " + replay.vqa().size() + " VQA, "
                                + replay.match().size() + " MATCH, "
                                + replay.loc().size() + " LOC targets labelled by the previous student");
            }
            seconds.put("replay", since(t0));

            t0 = System.nanoTime();
            JsonNode parent = Json.mapper().valueToTree(student.provenance());
            DistributionSample sample = DistributionSample.of(targets);
            sample.before(student);
            float mix = spec.config().weightMix();
            WeightSpaceEnsemble start = mix < 1f ? WeightSpaceEnsemble.snapshot(student.block()) : null;
            StepwiseDistiller.Result training = new StepwiseDistiller(spec.config())
                    .distill(student, targets, replay, spec.out().resolve("state"), spec.resume(), log);
            if (start != null) {
                start.mixInto(student.block(), mix);
                say(
                        log,
                        String.format(
                                java.util.Locale.ROOT, "weights mixed: %.2f distilled + %.2f S_prev", mix, 1 - mix));
            }
            sample.after(student);
            seconds.put("distill", since(t0));
            if (spec.config().recalibrate()) {
                t0 = System.nanoTime();
                recalibrate(student, spec.config().seed(), memo, log);
                seconds.put("calibrate", since(t0));
            }
            Json.write(spec.out().resolve(DistributionSample.FILE), sample.toJson(student));

            Path checkpoint = spec.out().resolve("student");
            Map<String, Double> metrics = new TreeMap<>();
            if (!training.lossCurve().isEmpty())
                metrics.put(
                        "final_loss",
                        training.lossCurve().get(training.lossCurve().size() - 1));
            metrics.put("targets", (double) targets.size());
            metrics.put("replay_targets", (double) replay.size());
            student.save(
                    checkpoint,
                    Provenance.of(
                            "distill",
                            spec.task(),
                            spec.config().seed(),
                            recipe(spec, callsFile),
                            targets.sha256() + "+" + replay.sha256(),
                            targets.size() + replay.size(),
                            Json.mapper().valueToTree(spec.config()),
                            metrics,
                            withPath(parent, spec.student())));
            StageResult result =
                    new StageResult(checkpoint, callsFile, collected, labelled, replay.size(), training, seconds);
            Json.write(spec.out().resolve("stage.json"), summary(spec, result));
            say(
                    log,
                    String.format(
                            java.util.Locale.ROOT,
                            "stage %s: %d targets, %d replay, %d steps (%.0f s) -> %s",
                            spec.task(),
                            targets.size(),
                            replay.size(),
                            training.steps(),
                            seconds.get("distill"),
                            checkpoint));
            return result;
        }
    }

    /** The stage's label options; the image's objects are asked for only when the loss trains on them. */
    private static LabelOptions labelOptions(StageSpec spec) {
        return spec.labels().withImageObjects(spec.config().locObjects());
    }

    /** The calls' pseudo-labels, in this JVM or on the stage's cluster (the same labels either way). */
    private static Labelled label(
            StageSpec spec, Path callsFile, ModelServices teacher, VlmModel student, PrintStream log) throws Exception {
        if (spec.labelOn() == null) {
            List<SubTaskCall> calls = CallsFile.read(callsFile);
            return new PseudoLabeler(teacher, student, labelOptions(spec)).label(calls, new CallImages());
        }
        return ClusterLabeler.find()
                .label(new ClusterLabeler.Job(
                        spec.labelOn(),
                        callsFile,
                        spec.teacher(),
                        spec.student(),
                        labelOptions(spec),
                        spec.out().resolve("labels.spark"),
                        log));
    }

    /**
     * Chooses the trained student's grounding threshold again on the general-style validation scenes that
     * {@code sdvp calibrate} uses for this seed (never a task split), as pretraining chose S0's.
     */
    private static void recalibrate(VlmModel student, long seed, StageMemo memo, PrintStream log) throws Exception {
        PretrainPreset preset = PretrainPreset.standard();
        double before = student.locThreshold();
        SubTaskSet scenes = memo.calibrationScenes(seed, () -> Pretrainer.calibrationSet(preset, seed));
        student.calibrate(LocCalibration.choose(student, scenes, Pretrainer.calibrationDescription(preset, seed)));
        say(
                log,
                String.format(
                        java.util.Locale.ROOT,
                        "grounding threshold chosen again on validation scenes: %.2f -> %.2f",
                        before,
                        student.locThreshold()));
    }

    private static CollectedCalls collect(StageSpec spec, Path callsFile, PrintStream log) throws Exception {
        TaskData.ensure(spec.task(), spec.data(), spec.split(), spec.questions(), 1, log);
        String modules = spec.teacherDriven()
                ? StageTeacher.chain(spec.teacher()) + ",vlm:" + spec.student()
                : "vlm:" + spec.student();
        return collect(
                new Collection(spec.task(), spec.data(), spec.split(), spec.questions(), spec.framework(), modules),
                callsFile,
                log);
    }

    /**
     * What a collection traces: the first {@code questions} of a task's split, {@code framework}'s programs, the
     * {@code modules} chain answering their calls.
     */
    public record Collection(String task, Path data, String split, int questions, String framework, String modules) {}

    /**
     * Traces {@code what} and writes its calls to {@code callsFile} (with {@code FILE.summary.json}): a stage's own
     * collection, and the calls of a general folder replayed by {@code distill --replay-root}.
     */
    public static CollectedCalls collect(Collection what, Path callsFile, PrintStream log) throws Exception {
        Task task = Tasks.find(what.task());
        Framework fw = Frameworks.create(what.framework());
        String modules = what.modules();
        try (ExampleSource examples = Limited.of(task.open(what.data(), what.split()), what.questions());
                ModelServices services = ModuleSpec.parse(modules).load(ProviderContext.ofData(what.data()));
                ModelGateway gateway = new ModelGateway(services)) {
            Map<String, String> provenance = new LinkedHashMap<>();
            provenance.put("modules", modules);
            provenance.put("framework", what.framework());
            CollectedCalls c = new TraceCollector(
                            task,
                            fw,
                            FrameworkPrograms.of(what.framework(), what.task(), what.data(), what.split()),
                            CONCURRENCY)
                    .collect(examples, what.split(), gateway, provenance, null);
            CallsFile.write(callsFile, c.calls());
            Json.write(
                    callsFile.resolveSibling(callsFile.getFileName() + ".summary.json"),
                    Map.of(
                            "questions",
                            c.questions(),
                            "answerConsistent",
                            c.consistent(),
                            "callsByKind",
                            c.callsByKind(),
                            "consistentCallsByKind",
                            c.consistentByKind(),
                            "evaluation",
                            c.evaluation().summary(),
                            "provenance",
                            c.evaluation().provenance()));
            say(log, "collected (" + modules + "): " + c.summary());
            return c;
        }
    }

    /** The calls file of the general folder's programs run by S_prev; collected once, reused on {@code --resume}. */
    static Path replayFolderCalls(StageSpec spec, PrintStream log) throws Exception {
        Path file = spec.out().resolve(REPLAY_CALLS);
        StageSpec.ReplayFolder f = spec.replayFolder();
        if (!(spec.resume() && Files.isRegularFile(file))) {
            collect(
                    new Collection(
                            f.dataset(), f.root(), f.split(), f.questions(), spec.framework(), "vlm:" + spec.student()),
                    file,
                    log);
        }
        return file;
    }

    /** The stage's data recipe: everything that decides which targets it trains on. */
    private static JsonNode recipe(StageSpec spec, Path callsFile) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("task", spec.task());
        r.put("framework", spec.framework());
        r.put("split", spec.split());
        r.put("questions", spec.questions());
        r.put("teacher", spec.teacher().toString());
        r.put("teacherDriven", spec.teacherDriven());
        r.put("calls", callsFile.toString());
        r.set("labels", Json.mapper().valueToTree(labelOptions(spec)));
        r.set("kinds", Json.mapper().valueToTree(new java.util.TreeSet<>(spec.kinds())));
        r.put("dataFraction", spec.dataFraction());
        r.put("replayScenes", spec.replayScenes());
        r.set(
                "replayCalls",
                Json.mapper()
                        .valueToTree(
                                spec.replayCalls().stream().map(Path::toString).toList()));
        if (spec.replayFolder() != null) {
            StageSpec.ReplayFolder f = spec.replayFolder();
            ObjectNode g = r.putObject("replayFolder");
            g.put("dataset", f.dataset());
            g.put("root", f.root().toAbsolutePath().normalize().toString());
            g.put("split", f.split());
            g.put("questions", f.questions());
            g.put("calls", spec.out().resolve(REPLAY_CALLS).toString());
        }
        return r;
    }

    private static JsonNode withPath(JsonNode parent, Path dir) {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("checkpoint", dir.toString());
        p.set("provenance", parent);
        return p;
    }

    private static Map<String, Object> summary(StageSpec spec, StageResult r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("task", spec.task());
        s.put("checkpoint", r.checkpoint().toString());
        s.put("calls", r.callsFile().toString());
        s.put(
                "labels",
                Map.of(
                        "calls",
                        r.labels().calls(),
                        "inconsistent",
                        r.labels().inconsistent(),
                        "uncovered",
                        r.labels().uncovered(),
                        "unsure",
                        r.labels().unsure(),
                        "missingImage",
                        r.labels().missingImage(),
                        "unmappedAnswers",
                        r.labels().unmappedAnswers(),
                        "kept",
                        Map.of(
                                "VQA",
                                r.labels().targets().vqa().size(),
                                "MATCH",
                                r.labels().targets().match().size(),
                                "LOC",
                                r.labels().targets().loc().size())));
        s.put("replayTargets", r.replayCount());
        s.put("steps", r.training().steps());
        s.put("resumedFrom", r.training().resumedFrom());
        s.put("skippedSteps", r.training().skippedSteps());
        s.put("lossCurve", r.training().lossCurve());
        s.put("lossCurveWindow", r.training().window());
        s.put("seconds", r.seconds());
        s.put("config", spec.config());
        return s;
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void say(PrintStream log, String line) {
        if (log != null) log.println(line);
    }
}
