package org.sdvp.cli.distill;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sdvp.cli.llm.LlmMixin;
import org.sdvp.cli.support.CommonOptions;
import org.sdvp.cli.support.SparkLabelling;
import org.sdvp.core.interp.Frameworks;
import org.sdvp.core.io.DataException;
import org.sdvp.distill.experiment.ExperimentPreset;
import org.sdvp.distill.experiment.ExperimentRunner;
import org.sdvp.distill.experiment.ProgramEvaluator;
import org.sdvp.distill.experiment.StageSummary;
import org.sdvp.distill.label.ClusterLabeler;
import org.sdvp.distill.report.ReportTable;
import org.sdvp.llm.source.LlmOptions;
import org.sdvp.llm.source.ProgramSources;
import org.sdvp.models.checkpoint.CheckpointMeta;
import org.sdvp.models.train.DjlSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sdvp experiment}: the paper's table on the embedded world (see docs/experiment.md). */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The SDVP experiment: generates the five world tasks' data, pretrains (or reuses) the student "
                    + "S0, trains a teacher per target task, runs the distillation stages and evaluates every row "
                    + "(oracle, baseline, teacher-swap, naive-ft, sdvp:gqa-sim, sdvp:nlvr-sim, sdvp-seq, ablations) on every "
                    + "task's test split. Writes OUT/report.json and a self-contained OUT/report.html, and prints the table.",
            "Resumable: run the same command again after an interruption; finished parts (data, models, stages, "
                    + "evaluations) are reused when their inputs are unchanged."
        },
        footer = {
            "",
            "Presets (docs/experiment.md):",
            "  quick    150 test questions/task, 300 train questions/target, 150 steps, 1 seed, no ablations",
            "  default  1000 test questions/task, 1000 train questions/target, 200 steps, seeds 1,2,3, ablations",
            "",
            "Examples:",
            "  sdvp experiment --preset quick --out runs/quick",
            "  sdvp experiment --preset default --out runs/exp --seeds 1,2,3 --frameworks visprog,viper",
            "  sdvp experiment --preset quick --out runs/q2 --student runs/student-quick --no-ablations"
        })
public final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--preset",
            defaultValue = "quick",
            paramLabel = "NAME",
            description = "quick or default. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Mixin
    CommonOptions.OutDir out;

    @Option(
            names = "--seeds",
            paramLabel = "LIST",
            description = "Distillation seeds, e.g. 1,2,3. Default: the preset's.")
    String seeds;

    @Option(
            names = "--student",
            paramLabel = "DIR",
            description =
                    "S0's checkpoint folder. Default: OUT/student if it matches the preset, else models/student-PRESET "
                            + "if shipped, else pretrained into OUT/student.")
    Path student;

    @Option(
            names = "--frameworks",
            defaultValue = "visprog",
            paramLabel = "LIST",
            description = "Frameworks the rows are evaluated under, e.g. visprog,viper. Default: ${DEFAULT-VALUE}.")
    String frameworks;

    @Option(
            names = "--trace-framework",
            defaultValue = "visprog",
            paramLabel = "NAME",
            description = "Whose programs the stages trace (viper: cross-framework transfer the other way). "
                    + "Default: ${DEFAULT-VALUE}.")
    String traceFramework;

    @Option(names = "--no-ablations", description = "Skip the ablation rows (the default preset runs them).")
    boolean noAblations;

    @Option(names = "--jobs", paramLabel = "N", description = JOBS_HELP)
    Integer jobs;

    /** The --jobs help, shared with {@code sdvp demo}. */
    public static final String JOBS_HELP =
            "Independent stages and evaluations run at once (stages in worker processes, "
                    + "one PyTorch thread each; results do not depend on it). Default: one per processor, at most 4.";

    @Option(
            names = "--programs",
            defaultValue = "dataset",
            paramLabel = "SOURCE",
            description = "Programs of the evaluation rows: dataset (converted from the tasks' functional programs) or "
                    + "llm (written by an LLM for each framework, checked, re-asked, cached; see --llm-*). The stages "
                    + "always trace the dataset programs. Default: ${DEFAULT-VALUE}.")
    String programs;

    @Option(
            names = "--samples",
            defaultValue = "1",
            paramLabel = "K",
            description = "With --programs llm: K programs per question, majority answer. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Mixin
    LlmMixin llm;

    @Mixin
    SparkLabelling spark;

    @Override
    public Integer call() throws Exception {
        ExperimentRunner.Options o = runOptions(spec);
        return run(spec, o, parts(o.jobs()));
    }

    /** This command's options, checked; with {@code --spark} the stages pseudo-label on Spark. */
    private ExperimentRunner.Options runOptions(CommandSpec cs) throws DataException {
        ExperimentRunner.Options o =
                options(cs, preset, seeds, noAblations, out.value, student, frameworks, traceFramework, jobs);
        ClusterLabeler.On on = spark.on();
        return on == null ? o : withLabelOn(o, on);
    }

    /** The real parts; with {@code --programs llm} the rows are evaluated on programs an LLM wrote. */
    ExperimentRunner.Parts parts(int jobs) throws DataException {
        if (!programs.equals("dataset") && !programs.equals("llm")) {
            throw new DataException("--programs must be dataset or llm for an experiment: " + programs);
        }
        if (samples < 1 || (samples > 1 && !programs.equals("llm"))) {
            throw new DataException("--samples " + samples + " needs --programs llm (and K >= 1)");
        }
        ExperimentRunner.Parts real = ExperimentRunner.Parts.real(jobs);
        if (programs.equals("dataset")) return real;
        LlmOptions options = llm.options();
        try {
            options.clientConfig(); // names a missing --llm-base-url or --llm-model before anything runs
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), e);
        }
        return new ExperimentRunner.Parts(
                real.models(),
                real.stages(),
                new ProgramEvaluator(
                        (fw, task, data, split) -> ProgramSources.create("llm", options, fw::check, task, fw.name()),
                        samples));
    }

    /** Checks every option (bad input: exit 2, before anything runs) and builds the run's options. */
    public static ExperimentRunner.Options options(
            CommandSpec spec,
            String presetName,
            String seedList,
            boolean noAblations,
            Path out,
            Path student,
            String frameworkList,
            String traceFramework,
            Integer jobs)
            throws DataException {
        if (jobs != null && jobs < 1)
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1: " + jobs);
        ExperimentPreset p;
        try {
            p = ExperimentPreset.named(presetName);
            if (seedList != null) p = p.withSeeds(ExperimentPreset.parseSeeds(seedList));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (noAblations) p = p.withAblations(false);
        List<String> fws = new ArrayList<>(new LinkedHashSet<>(List.of(frameworkList.split(","))));
        fws.replaceAll(String::trim);
        for (String fw : fws.isEmpty() ? List.of("") : fws) checkFramework("--frameworks", fw);
        checkFramework("--trace-framework", traceFramework);
        if (student != null && !Files.isRegularFile(student.resolve(CheckpointMeta.CONFIG_FILE))) {
            throw new DataException(
                    "--student " + student + ": not a checkpoint folder (no " + CheckpointMeta.CONFIG_FILE + ")");
        }
        return new ExperimentRunner.Options(
                p,
                out,
                student,
                shippedModels(),
                fws,
                traceFramework,
                jobs == null ? ExperimentRunner.Options.defaultJobs() : jobs);
    }

    /** The same options, the stages pseudo-labelling on {@code on}. */
    static ExperimentRunner.Options withLabelOn(ExperimentRunner.Options o, ClusterLabeler.On on) {
        return new ExperimentRunner.Options(
                o.preset(), o.out(), o.student(), o.shippedModels(), o.frameworks(), o.traceFramework(), o.jobs(), on);
    }

    private static void checkFramework(String option, String name) throws DataException {
        if (!Frameworks.installed().containsKey(name)) {
            throw new DataException(option + ": unknown framework '" + name + "'; installed: "
                    + String.join(", ", Frameworks.installed().keySet()));
        }
    }

    /** {@code models/} in the working directory and in the repository the CLI was built in. */
    static List<Path> shippedModels() {
        List<Path> roots = new ArrayList<>(List.of(Path.of("models").toAbsolutePath()));
        try {
            Path code = Path.of(ExperimentCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path repo = code.getParent() == null || code.getParent().getParent() == null
                    ? null
                    : code.getParent().getParent().getParent();
            if (repo != null && !roots.contains(repo.resolve("models"))) roots.add(repo.resolve("models"));
        } catch (Exception e) {
            // no code location (unusual class loader): the working directory's models/ is enough
        }
        return roots;
    }

    public static int run(CommandSpec spec, ExperimentRunner.Options options) throws Exception {
        return run(spec, options, ExperimentRunner.Parts.real(options.jobs()));
    }

    static int run(CommandSpec spec, ExperimentRunner.Options options, ExperimentRunner.Parts parts) throws Exception {
        DjlSetup.configure();
        ExperimentRunner.Result r = new ExperimentRunner(options, parts, System.err).run();
        PrintWriter o = spec.commandLine().getOut();
        o.println();
        o.print(ReportTable.render(r.report()));
        o.printf(
                Locale.ROOT,
                "Scores in points: mean ± standard deviation over seeds %s; n = test questions per task.%n",
                r.report().seeds());
        o.println("Changes: mean [lo, hi] = 95 % paired bootstrap interval over the test questions (seeds pooled per "
                + "question; it does not cover the seeds' spread, see docs/experiment.md).");
        StringBuilder t = new StringBuilder("time:");
        r.report().timings().forEach((k, v) -> t.append(String.format(Locale.ROOT, " %s %.0f s,", k, v)));
        o.println(t.substring(0, t.length() - 1) + " (" + options.jobs() + " jobs at once)");
        if (!r.report().stageTimes().isEmpty()) {
            o.println("stages (seconds when each ran; side by side, so they add up to more than the wall time):");
            r.report().stageTimes().forEach((stage, times) -> {
                StringBuilder line = new StringBuilder(String.format(
                        Locale.ROOT, "  %-32s %5.0f s", stage, times.getOrDefault(StageSummary.WALL, 0.0)));
                String sep = " (";
                for (var part : times.entrySet()) {
                    if (part.getKey().equals(StageSummary.WALL)) continue;
                    line.append(sep).append(String.format(Locale.ROOT, "%s %.0f", part.getKey(), part.getValue()));
                    sep = ", ";
                }
                o.println(sep.equals(", ") ? line.append(')') : line);
            });
        }
        o.println("report: " + r.reportHtml() + " (data: " + r.reportJson() + ")");
        return 0;
    }

    /** For tests: the parsed command's options, without running anything. */
    static ExperimentRunner.Options parse(String... args) throws DataException {
        ExperimentCommand c = new ExperimentCommand();
        CommandLine cl = new CommandLine(c);
        cl.parseArgs(args);
        return c.runOptions(cl.getCommandSpec());
    }
}
