package org.sdvp.cli.distill;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sdvp.backends.train.OwnTrainConfig;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.cli.support.SparkLabelling;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.interp.Frameworks;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.stage.DistillStage;
import org.sdvp.distill.stage.StageResult;
import org.sdvp.distill.stage.StageSpec;
import org.sdvp.distill.stage.StageTeacher;
import org.sdvp.distill.train.DistillConfig;
import org.sdvp.models.checkpoint.CheckpointMeta;
import org.sdvp.models.train.DjlSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sdvp distill}: one SDVP stage (collect, pseudo-label, filter, replay, distill, checkpoint). */
@Command(
        name = "distill",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "One SDVP stage on a target task: trace the task's training programs (teacher-driven: "
                    + "teacher:TEACHER,vlm:STUDENT), pseudo-label the distillable calls with the teacher, keep those of "
                    + "programs that reached the gold answer, and distil them into the student with the stepwise loss plus "
                    + "self-distillation towards the previous student on replayed calls.",
            "Writes OUT/student (the new checkpoint), OUT/calls.jsonl (reusable with --calls) and the stage's state; "
                    + "checkpoints are written atomically, and --resume continues a killed run to the same result."
        },
        footer = {
            "",
            "Examples:",
            "  sdvp distill --task gqa-sim --student runs/student-quick --teacher runs/teacher-gqa --out runs/sdvp-gqa",
            "  sdvp distill --task nlvr-sim --student runs/sdvp-gqa/student --teacher runs/teacher-nlvr \\",
            "      --replay-calls runs/sdvp-gqa/calls.jsonl --out runs/sdvp-seq        # sequential SDVP",
            "  sdvp distill --task gqa-sim --student S --teacher T --naive --out runs/naive   # naive fine-tuning",
            "  sdvp distill --task gqa-sim --student torchscript:models/vilt --teacher runs/teacher-gqa \\",
            "      --calls runs/calls.jsonl --steps 300 --out runs/own      # your TorchScript model as the student",
            "  sdvp distill --dataset clevr --root data/CLEVR_v1.0 --split train --student S --teacher T \\",
            "      --replay-dataset gqa --replay-root data/gqa --replay-split train_balanced --out runs/sdvp-clevr",
            "                                # a real dataset's stage, replaying your own general folder",
            "  sdvp distill --task gqa-sim --student S --teacher torchscript:models/vilt,oracle --out runs/own-t",
            "                                # any --modules chain as the teacher",
            "  sdvp distill --dataset clevr --root data/clevr --student torchscript:models/vilt \\",
            "      --teacher clevr-oracle --calls runs/clevr-calls.jsonl --out runs/own-clevr   # on a dataset's calls",
            "  sdvp distill --task gqa-sim --student S --teacher T --calls runs/calls.jsonl --spark 'local[2]' \\",
            "      --out runs/sdvp-gqa       # pseudo-labels on Spark (docs/scale.md)",
            "",
            "Defaults are docs/experiment.md's (DistillConfig.defaults)."
        })
public final class DistillCommand implements Callable<Integer> {
    /** The world's general scenes replayed when no general folder is named. */
    static final int DEFAULT_REPLAY_SCENES = 300;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"--task", "--dataset"},
            required = true,
            paramLabel = "TASK",
            description = "The target task: gqa-sim or nlvr-sim (any world task works), or a real dataset on disk: "
                    + "--dataset clevr|gqa|nlvr2 --root DIR --split S (docs/own-models.md).")
    String task;

    @Option(
            names = "--split",
            defaultValue = StageSpec.TRAIN,
            paramLabel = "SPLIT",
            description = "The split whose programs are traced (a dataset's: e.g. train_balanced for GQA). "
                    + "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(
            names = "--student",
            required = true,
            paramLabel = "DIR",
            description = "S_prev's checkpoint folder, or "
                    + "torchscript:DIR: your exported TorchScript model (VQA or MATCH) trained as the student (needs --calls; "
                    + "docs/own-models.md).")
    Path student;

    @Option(
            names = "--teacher",
            required = true,
            paramLabel = "DIR|CHAIN",
            description = "The task teacher's checkpoint folder, or any --modules chain (torchscript:DIR,oracle, "
                    + "onnx:DIR, gqa-oracle, ...): its VQA distributions are mapped onto the student's answers by "
                    + "normalised answer, and the answers it cannot map are counted.")
    Path teacher;

    @Mixin
    CommonOptions.OutDir out;

    @Mixin
    CommonOptions.Data data;

    @Option(
            names = "--framework",
            defaultValue = "visprog",
            paramLabel = "NAME",
            description = "Whose programs are traced: visprog or viper. Default: ${DEFAULT-VALUE}.")
    String framework;

    @Option(
            names = "--questions",
            defaultValue = "" + StageSpec.DEFAULT_QUESTIONS,
            paramLabel = "N",
            description = "Training questions traced (and generated when missing). Default: ${DEFAULT-VALUE}.")
    int questions;

    @Option(
            names = "--steps",
            defaultValue = "200",
            paramLabel = "N",
            description = "Distillation steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Mixin
    CommonOptions.Seed seed;

    @Option(
            names = "--naive",
            description = "Naive fine-tuning: the same pseudo-labels, no self-distillation, no replay, "
                    + "nothing frozen (the naive-ft row).")
    boolean naive;

    @Option(names = "--no-filter", description = "Keep the calls of every program, not only answer-consistent ones.")
    boolean noFilter;

    @Option(
            names = "--min-confidence",
            defaultValue = "0",
            paramLabel = "P",
            description = "Drop VQA/MATCH labels whose top probability is below P. Default: ${DEFAULT-VALUE}.")
    double minConfidence;

    @Option(names = "--tau", paramLabel = "X", description = "KL temperature τ. Default: 2.")
    Float tau;

    @Option(names = "--beta", paramLabel = "X", description = "Self-distillation weight β (0: none). Default: 1.")
    Float beta;

    @Option(
            names = "--set",
            paramLabel = "NAME=VALUE",
            description = "Any other distillation setting by its name in DistillConfig (docs/sdvp.md), e.g. "
                    + "--set learningRate=2e-3 --set locBatch=8 --set frozenUnits=0. Applied last.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(
            names = "--replay-scenes",
            paramLabel = "N",
            description = "The world's general scenes replayed for self-distillation (0: none; --naive sets 0; "
                    + "--replay-root replaces them unless this is given). Default: 300.")
    Integer replayScenes;

    @Option(
            names = "--replay-calls",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Earlier stages' calls.jsonl to replay too (sequential SDVP); with --student "
                    + "torchscript:DIR, calls collected on your general data, labelled by the student before training.")
    List<Path> replayCalls = new ArrayList<>();

    @Mixin
    ReplayFolderOptions replayFolder;

    @Option(
            names = "--calls",
            paramLabel = "FILE",
            description = "Reuse calls collected by an earlier stage with the same task, teacher and student.")
    Path calls;

    @Option(
            names = "--modules-subset",
            paramLabel = "KINDS",
            split = ",",
            description = "Sub-tasks to distil, from VQA, LOC, MATCH. Default: all.")
    List<String> subset;

    @Option(
            names = "--data-fraction",
            defaultValue = "1",
            paramLabel = "F",
            description = "Share of the pseudo-labels kept, in (0, 1]. Default: ${DEFAULT-VALUE}.")
    double dataFraction;

    @Option(names = "--resume", description = "Continue from OUT's last checkpoint (same options and seed).")
    boolean resume;

    @Mixin
    SparkLabelling spark;

    @Override
    public Integer call() throws Exception {
        if (OwnStudentDistill.names(student)) {
            return OwnStudentDistill.run(
                    ownStudent(),
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        StageSpec s = stageSpec();
        DjlSetup.configure();
        StageResult r = DistillStage.run(s, System.err);
        print(spec.commandLine().getOut(), r);
        return 0;
    }

    /** Checks every option and builds the stage (bad input: exit 2, before anything runs). */
    StageSpec stageSpec() throws DataException, BackendException {
        Tasks.find(task); // any installed task: a world task's split is generated when missing, others must be on disk
        if (!Frameworks.installed().containsKey(framework)) {
            throw new DataException("unknown framework '" + framework + "'; installed: "
                    + String.join(", ", Frameworks.installed().keySet()));
        }
        checkpoint("--student", student);
        if (StageTeacher.isCheckpoint(teacher)) checkpoint("--teacher", teacher);
        else if (spark.on() != null) {
            throw usage("--spark labels with a teacher checkpoint folder; a --teacher chain labels in this JVM");
        } else {
            // a chain is loaded (and its models checked) by the stage before it writes anything
            for (ModuleSpec.Entry e : ModuleSpec.parse(teacher.toString()).entries()) {
                if (!ModuleSpec.installedProviders().containsKey(e.name())) {
                    throw new DataException("--teacher " + teacher + ": neither a checkpoint folder nor a --modules "
                            + "chain (unknown backend '" + e.name() + "'; known: "
                            + String.join(", ", ModuleSpec.installedProviders().keySet()) + ")");
                }
            }
        }
        if (DatasetSplits.isDataset(task) && calls == null) {
            if (data.value == null) {
                throw new DataException("--dataset " + task + " needs --root DIR (the dataset's folder): its split is "
                        + "read there, never generated");
            }
            DatasetSplits.check("--root", task, data.value, split);
        }
        if (questions < 1) throw usage("--questions must be at least 1");
        if (steps < 1) throw usage("--steps must be at least 1");
        int worldScenes = replayScenes != null ? replayScenes : replayFolder.given() ? 0 : DEFAULT_REPLAY_SCENES;
        if (worldScenes < 0) throw usage("--replay-scenes must be >= 0");
        if (!(dataFraction > 0 && dataFraction <= 1)) throw usage("--data-fraction must be in (0, 1]");
        if (tau != null && !(tau > 0)) throw usage("--tau must be > 0");
        if (beta != null && !(beta >= 0)) throw usage("--beta must be >= 0");
        if (!(minConfidence >= 0 && minConfidence < 1)) throw usage("--min-confidence must be in [0, 1)");
        for (Path p : replayCalls) if (!Files.isRegularFile(p)) throw new DataException("--replay-calls: no file " + p);
        if (calls != null && !Files.isRegularFile(calls)) throw new DataException("--calls: no file " + calls);
        DistillConfig config = DistillConfig.defaults(steps, seed.value);
        if (naive) config = config.naive();
        if (tau != null) config = config.toBuilder().tau(tau).build();
        if (beta != null) config = config.toBuilder().beta(beta).build();
        try {
            config = config.with(settings);
        } catch (IllegalArgumentException e) {
            throw usage("--set: " + e.getMessage());
        }
        StageSpec.Builder b = StageSpec.builder(task, student, teacher, out.value, config)
                .framework(framework)
                .split(split)
                .questions(questions)
                .calls(calls)
                .labels(new LabelOptions(!noFilter, minConfidence))
                .kinds(kinds())
                .dataFraction(dataFraction)
                .replayScenes(naive ? 0 : worldScenes)
                .replayCalls(replayCalls)
                .replayFolder(naive ? null : replayFolder.folder())
                .resume(resume)
                .labelOn(spark.on());
        return (data.value != null ? b.data(data.value) : b).build();
    }

    /** The options of {@code --student torchscript:DIR}, checked; the world stage's own options are refused. */
    OwnStudentDistill.Request ownStudent() throws DataException {
        Tasks.find(task);
        if (spark.on() != null) {
            throw usage("--spark labels the calls of a world stage; --student torchscript:DIR labels in this JVM "
                    + "(docs/scale.md)");
        }
        if (naive
                || resume
                || replayFolder.given()
                || replayScenes != null
                || subset != null
                || dataFraction != 1
                || tau != null
                || beta != null) {
            throw usage("--student torchscript:DIR takes --calls, --replay-calls, --steps, --seed, "
                    + "--set learningRate=X|batch=N, --no-filter and --min-confidence; not --naive, --resume, "
                    + "--replay-scenes, --replay-dataset/--replay-root (collect a general folder's calls and give them "
                    + "as --replay-calls), --modules-subset, --data-fraction, --tau or --beta");
        }
        if (steps < 1) throw usage("--steps must be at least 1");
        if (!(minConfidence >= 0 && minConfidence < 1)) throw usage("--min-confidence must be in [0, 1)");
        OwnTrainConfig defaults = OwnTrainConfig.defaults(steps, seed.value);
        float learningRate = defaults.learningRate();
        int batch = defaults.batch();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            try {
                switch (e.getKey()) {
                    case "learningRate" -> learningRate = Float.parseFloat(e.getValue());
                    case "batch" -> batch = Integer.parseInt(e.getValue());
                    default ->
                        throw usage("--set " + e.getKey() + ": --student torchscript:DIR knows learningRate and batch");
                }
            } catch (NumberFormatException x) {
                throw usage("--set " + e.getKey() + "=" + e.getValue() + ": not a number");
            }
        }
        try {
            return new OwnStudentDistill.Request(
                    task,
                    Path.of(student.toString().substring(OwnStudentDistill.PREFIX.length())),
                    StageTeacher.chain(teacher),
                    calls,
                    out.value,
                    data.value,
                    new OwnTrainConfig(steps, batch, learningRate, seed.value),
                    !noFilter,
                    minConfidence,
                    replayCalls);
        } catch (IllegalArgumentException e) {
            throw usage("--set: " + e.getMessage());
        }
    }

    private Set<ServiceKind> kinds() {
        if (subset == null || subset.isEmpty()) return EnumSet.allOf(ServiceKind.class);
        Set<ServiceKind> k = EnumSet.noneOf(ServiceKind.class);
        for (String s : subset) {
            try {
                k.add(ServiceKind.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw usage("--modules-subset: unknown sub-task '" + s + "'; valid: VQA, LOC, MATCH");
            }
        }
        return k;
    }

    private static void checkpoint(String option, Path dir) throws DataException {
        if (!Files.isRegularFile(dir.resolve(CheckpointMeta.CONFIG_FILE))) {
            throw new DataException(
                    option + " " + dir + ": not a checkpoint folder (no " + CheckpointMeta.CONFIG_FILE + ")");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static void print(PrintWriter o, StageResult r) {
        if (r.collected() != null) o.println("collected: " + r.collected().summary());
        else o.println("calls reused: " + r.callsFile());
        if (r.labels() != null) {
            o.println("labels: " + r.labels().summary());
            if (!r.labels().unmappedSummary().isEmpty()) o.println(r.labels().unmappedSummary());
        }
        o.println("replay targets: " + r.replayCount());
        var t = r.training();
        if (t != null) {
            List<Double> c = t.lossCurve();
            o.printf(
                    Locale.ROOT,
                    "distilled %d steps%s in %.1f s (%.0f samples/s)%s%n",
                    t.steps(),
                    t.resumedFrom() > 0 ? " (resumed at " + t.resumedFrom() + ")" : "",
                    t.seconds(),
                    t.samplesPerSecond(),
                    c.isEmpty() ? "" : String.format(Locale.ROOT, ", loss %.4f → %.4f", c.get(0), c.get(c.size() - 1)));
        }
        if (r.seconds() != null) {
            StringBuilder b = new StringBuilder("time:");
            r.seconds().forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.1f s", k, v)));
            o.println(b);
        }
        o.println("student checkpoint: " + r.checkpoint());
        o.println("calls: " + r.callsFile());
    }
}
