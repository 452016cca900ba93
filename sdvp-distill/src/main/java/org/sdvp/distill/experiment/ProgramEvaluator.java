package org.sdvp.distill.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.QuestionTraces;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.interp.Frameworks;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.distill.stage.FrameworkPrograms;

/**
 * Evaluation as {@code sdvp eval} does it, in process: the task's dataset programs (or those of another
 * {@link Programs} source, e.g. an LLM's), the framework and the backends named by a {@code --modules} spec
 * (loaded with the task's data folder as context, for the oracle).
 */
public final class ProgramEvaluator implements RowEvaluator {

    /** Where a job's programs come from; the source is closed after the job. */
    @FunctionalInterface
    public interface Programs {
        ProgramSource open(Framework framework, String task, Path data, String split) throws Exception;
    }

    private final Programs programs;
    private final int samples;

    /** The dataset's programs for each framework ({@link FrameworkPrograms}), one per question. */
    public ProgramEvaluator() {
        this((fw, task, data, split) -> FrameworkPrograms.of(fw.name(), task, data, split), 1);
    }

    /** @param samples programs per question, answered by majority ({@code --samples K}; the source must sample) */
    public ProgramEvaluator(Programs programs, int samples) {
        this.programs = programs;
        this.samples = samples;
    }

    @Override
    public EvalResult evaluate(Job job) throws Exception {
        return run(job, null, null);
    }

    @Override
    public EvalResult evaluate(Job job, java.nio.file.Path questions) throws Exception {
        QuestionTraces traces = new QuestionTraces(job.data());
        EvalResult result = run(job, null, traces);
        traces.write(questions);
        return result;
    }

    @Override
    public List<Traced> trace(Job job, Set<String> ids) throws Exception {
        List<Traced> out = new ArrayList<>();
        run(
                job,
                ids,
                (ex, r, execution) -> execution.ifPresent(e -> {
                    synchronized (out) {
                        out.add(new Traced(
                                ex.id(),
                                ex.question(),
                                e.trace(),
                                r.failed()
                                        ? r.error()
                                        : r.prediction() + " (gold " + r.gold() + ", score " + r.score() + ")",
                                r.failed()));
                    }
                }));
        out.sort(java.util.Comparator.comparing(Traced::id));
        return out;
    }

    private EvalResult run(Job job, Set<String> only, Evaluator.Listener listener) throws Exception {
        Task task = Tasks.find(job.task());
        Framework fw = Frameworks.create(job.framework());
        try (ProgramSource source = programs.open(fw, job.task(), job.data(), job.split());
                ExampleSource all = task.open(job.data(), job.split());
                ModelServices services = ModuleSpec.parse(job.modules()).load(ProviderContext.ofData(job.data()));
                ModelGateway gateway = new ModelGateway(services)) {
            ExampleSource examples = only == null ? all : filtered(all, only);
            return new Evaluator(task, fw, source, gateway, job.concurrency(), samples)
                    .run(examples, job.split(), Map.copyOf(job.provenance()), listener);
        }
    }

    /** The examples whose id is in {@code ids}, read fully (only used for a handful of example traces). */
    private static ExampleSource filtered(ExampleSource all, Set<String> ids) {
        List<Example> kept = new ArrayList<>();
        while (all.hasNext()) {
            Example e = all.next();
            if (ids.contains(e.id())) kept.add(e);
        }
        return ExampleSource.of(kept);
    }
}
