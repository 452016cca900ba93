package org.sdvp.cli.support;

import java.util.Locale;
import java.util.concurrent.atomic.DoubleAdder;
import me.tongfei.progressbar.ProgressBar;
import org.sdvp.core.evaluation.EvalProfile;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Limited;
import org.sdvp.core.evaluation.QuestionTraces;
import org.sdvp.core.evaluation.RunJournal;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.llm.query.CachedLlmQuery;
import org.sdvp.llm.source.LlmOptions;
import org.sdvp.llm.source.ProgramSources;
import org.sdvp.viper.runner.ViperFramework;
import org.sdvp.viper.runner.ViperFrameworkProvider;
import picocli.CommandLine.Model.CommandSpec;

/** Opens what {@link BenchmarkOptions} name and runs the split with a progress bar. */
public final class BenchmarkRun {
    private BenchmarkRun() {}

    /** {@code --task list}: prints the installed tasks. */
    public static boolean listTasksIfAsked(BenchmarkOptions o, CommandSpec spec) {
        if (!o.task.equals("list")) return false;
        Tasks.installed()
                .values()
                .forEach(t -> spec.commandLine().getOut().printf("%-10s %s%n", t.name(), t.description()));
        return true;
    }

    /**
     * Runs an evaluation ({@code listener}, may be null, sees each question too) that continues {@code output}'s journal (may be null: none) and records each new question in
     * it, keeping every question's answer and trace in {@code traces} (may be null), the restored ones included:
     * their lines are in the journal. {@code output} is opened once the inputs and backends are (see {@link #run}).
     */
    public static EvalResult evaluate(
            BenchmarkOptions o, Evaluator.Listener listener, ResumableOutput output, QuestionTraces traces)
            throws DataException, BackendException, InterruptedException, java.io.IOException {
        String[] threads = {""};
        EvalResult result = run(o, output, (task, fw, programs, examples, gateway, bar) -> {
            RunJournal journal = output == null ? RunJournal.none() : output.journal();
            if (traces != null) journal.restored().values().forEach(traces::restore);
            Evaluator.Recorder recorder = traces == null ? (ex, q, e) -> null : traces.recorder();
            bar.stepBy(journal.restored().size());
            EvalResult r = new Evaluator(task, fw, programs, gateway, o.concurrency, o.samples)
                    .run(examples, o.split, o.provenance(), progress(bar, listener), journal, recorder);
            if (o.profile) threads[0] = ThreadCpu.report(); // while the model threads still exist
            return r;
        });
        // stderr, after the progress bar has closed: stdout stays the result summary
        if (o.profile) o.err().print(EvalProfile.format(result) + threads[0]);
        return result;
    }

    /** What to do with an opened benchmark. */
    public interface Job<R> {
        R run(
                Task task,
                Framework framework,
                ProgramSource programs,
                ExampleSource examples,
                ModelGateway gateway,
                ProgressBar bar)
                throws InterruptedException, DataException;
    }

    /** Opens the benchmark and runs {@code job} on it, with no output of its own. */
    public static <R> R run(BenchmarkOptions o, Job<R> job)
            throws DataException, BackendException, InterruptedException, java.io.IOException {
        return run(o, null, job);
    }

    /**
     * Opens the task, its data, the programs and the backends, then {@code output} (may be null), then runs
     * {@code job}: a refused model, a missing folder or an unknown task stops the command before {@code output}
     * locks or journals anything. The caller closes {@code output}.
     */
    public static <R> R run(BenchmarkOptions o, ResumableOutput output, Job<R> job)
            throws DataException, BackendException, InterruptedException, java.io.IOException {
        if (o.data == null) throw new DataException("--data DIR is required: the task's data folder");
        if (o.concurrency < 1) throw new DataException("--concurrency must be at least 1: " + o.concurrency);
        if (o.maxBatch < 1) throw new DataException("--max-batch must be at least 1: " + o.maxBatch);
        if (o.samples < 1) throw new DataException("--samples must be at least 1: " + o.samples);
        if (o.samples > 1 && !o.programs.equals("llm")) {
            throw new DataException(
                    "--samples " + o.samples + " needs --programs llm: other sources have one program per question");
        }
        Task task = Tasks.find(o.task);
        try (CachedLlmQuery llmQuery = llmQuery(o)) {
            Framework fw = llmQuery == null
                    ? FrameworkChoice.create(o.framework, o.depthCrops)
                    : ViperFrameworkProvider.create(llmQuery::answer);
            R result = run(o, output, job, task, fw);
            if (llmQuery != null && result instanceof EvalResult r) {
                @SuppressWarnings("unchecked")
                R withQueries = (R) r.withProgramCounters(llmQuery.stats());
                return withQueries;
            }
            return result;
        }
    }

    private static <R> R run(BenchmarkOptions o, ResumableOutput output, Job<R> job, Task task, Framework fw)
            throws DataException, BackendException, InterruptedException, java.io.IOException {
        try (ProgramSource programs = programSource(o, fw, task);
                ExampleSource examples = Limited.of(task.open(o.data, o.split), o.limit);
                ModelServices services = Knowledge.withLlm(Backends.load(o.modules, o.data), o.llm.options());
                ModelGateway gateway = new ModelGateway(services, o.maxBatch)) {
            if (output != null) output.begin();
            try (ProgressBar bar = Progress.bar(
                    o.err(), task.name() + "/" + o.split, examples.size().orElse(-1), "q")) {
                return job.run(task, fw, programs, examples, gateway, bar);
            }
        } catch (java.io.IOException | DataException | BackendException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the backends failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code llm_query} of ViperGPT programs goes to the configured endpoint (cached beside the program cache)
     * when the framework is viper and an endpoint is given; otherwise it raises "not configured".
     */
    private static CachedLlmQuery llmQuery(BenchmarkOptions o) throws DataException {
        LlmOptions llm = o.llm.options();
        if (!o.framework.equals(ViperFramework.NAME) || llm.baseUrl() == null || llm.model() == null) return null;
        try {
            return CachedLlmQuery.open(llm);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), e);
        }
    }

    /** The program source {@code --programs} names (also opened per partition by sdvp-spark). */
    public static ProgramSource programSource(BenchmarkOptions o, Framework fw, Task task) throws DataException {
        if (o.programs.equals("native")) {
            return task.programs(o.framework, o.data, o.split)
                    .orElseThrow(() -> new DataException("--programs native: task '" + task.name()
                            + "' writes no programs of its own for --framework " + o.framework));
        }
        try {
            return ProgramSources.create(o.programs, o.llm.options(), fw::check, task.name(), fw.name());
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), e);
        }
    }

    /** Steps the bar and shows the running score. */
    public static Evaluator.Listener progress(ProgressBar bar, Evaluator.Listener then) {
        DoubleAdder scored = new DoubleAdder();
        return (ex, r, execution) -> {
            scored.add(r.score());
            synchronized (bar) {
                bar.step();
                bar.setExtraMessage(String.format(Locale.ROOT, " score %.3f", scored.sum() / bar.getCurrent()));
            }
            if (then != null) then.questionDone(ex, r, execution);
        };
    }
}
