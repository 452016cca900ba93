package org.sdvp.distill.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.evaluation.RunJournal;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.trace.ModelCall;
import org.sdvp.core.trace.StepRecord;
import org.sdvp.core.trace.ValueJson;

/**
 * Step 1 of an SDVP stage: runs a task's programs (by default teacher-driven: the backends are
 * {@code teacher:DIR,vlm:DIR}, so later steps see the inputs a correct execution would produce) and
 * collects every model call with its image provenance and whether the program's answer was right.
 *
 * <p>Collection is evaluation with a listener, so it batches across programs exactly like {@code eval}.
 */
public final class TraceCollector {
    private final Task task;
    private final Framework framework;
    private final ProgramSource programs;
    private final int concurrency;
    private final int samples;

    public TraceCollector(Task task, Framework framework, ProgramSource programs, int concurrency) {
        this(task, framework, programs, concurrency, 1);
    }

    /**
     * @param samples programs per question ({@code --samples K}); the calls of every sample's run are
     *                collected, each marked answer-consistent by its own run's answer
     */
    public TraceCollector(Task task, Framework framework, ProgramSource programs, int concurrency, int samples) {
        this.samples = samples;
        this.task = task;
        this.framework = framework;
        this.programs = programs;
        this.concurrency = concurrency;
    }

    public CollectedCalls collect(
            ExampleSource examples,
            String split,
            ModelGateway gateway,
            Map<String, String> provenance,
            Evaluator.Listener progress)
            throws InterruptedException, DataException {
        return collect(examples, split, gateway, provenance, progress, RunJournal.none());
    }

    /**
     * Collects, continuing from {@code journal}: questions it restored contribute the calls recorded then,
     * new ones are journalled with their calls, so a killed collection resumes to the same calls file.
     */
    public CollectedCalls collect(
            ExampleSource examples,
            String split,
            ModelGateway gateway,
            Map<String, String> provenance,
            Evaluator.Listener progress,
            RunJournal journal)
            throws InterruptedException, DataException {
        List<Indexed> found = new ArrayList<>();
        for (RunJournal.Entry e : journal.restored().values()) {
            QuestionResult r = e.outcome().result();
            found.add(new Indexed(r.id(), restore(e.extra()), consistent(r)));
        }
        Evaluator evaluator = new Evaluator(task, framework, programs, gateway, concurrency, samples);
        EvalResult eval = evaluator.run(examples, split, provenance, progress, journal, (ex, result, execution) -> {
            List<SubTaskCall> calls = execution.map(e -> calls(ex, result, e)).orElse(List.of());
            synchronized (found) {
                found.add(new Indexed(ex.id(), calls, consistent(result)));
            }
            return Json.mapper().valueToTree(calls);
        });
        // Worker threads finish in any order; sort by question id so the output is reproducible.
        found.sort(java.util.Comparator.comparing(Indexed::questionId));
        List<SubTaskCall> all = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>(), consistentByKind = new TreeMap<>();
        int consistent = 0;
        for (Indexed q : found) {
            if (q.consistent()) consistent++;
            for (SubTaskCall c : q.calls()) {
                all.add(c);
                byKind.merge(c.kind(), 1, Integer::sum);
                if (c.answerConsistent()) consistentByKind.merge(c.kind(), 1, Integer::sum);
            }
        }
        return new CollectedCalls(all, found.size(), consistent, byKind, consistentByKind, eval);
    }

    private record Indexed(String questionId, List<SubTaskCall> calls, boolean consistent) {}

    private static boolean consistent(QuestionResult r) {
        return r.score() >= 1 && !r.failed();
    }

    private static List<SubTaskCall> restore(JsonNode calls) throws DataException {
        if (calls == null || calls.isNull()) return List.of();
        try {
            return List.of(Json.mapper().treeToValue(calls, SubTaskCall[].class));
        } catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException e) {
            throw new DataException("the run journal holds calls that are not sub-task calls: " + e.getMessage(), e);
        }
    }

    private List<SubTaskCall> calls(Example ex, QuestionResult result, Execution execution) {
        List<SubTaskCall> out = new ArrayList<>();
        if (execution.samples().isEmpty()) {
            calls(ex, execution, consistent(result), out);
            return out;
        }
        for (Execution run : execution.samples()) {
            boolean right = run.succeeded()
                    && run.result().isPresent()
                    && ex.gold().isPresent()
                    && task.metric().score(run.result().get(), ex.gold().get()) >= 1;
            calls(ex, run, right, out);
        }
        return out;
    }

    private static void calls(Example ex, Execution execution, boolean consistent, List<SubTaskCall> out) {
        for (StepRecord step : execution.trace().steps()) {
            for (ModelCall call : step.calls()) {
                var image = call.request().image();
                out.add(new SubTaskCall(
                        ex.id(),
                        ex.type(),
                        step.index(),
                        step.line(),
                        step.module(),
                        call.request().kind().name(),
                        image.sourceId(),
                        pathOf(ex, image.sourceId()),
                        ValueJson.box(image.region()),
                        call.request().text(),
                        ValueJson.response(call.response()),
                        call.backend(),
                        consistent));
            }
        }
    }

    /** The example's image file whose name is {@code sourceId} (how images are identified in traces). */
    private static String pathOf(Example ex, String sourceId) {
        for (Path p : ex.images().values()) {
            // absolute: the calls file is read again later, from wherever that run starts
            if (p.getFileName().toString().equals(sourceId))
                return p.toAbsolutePath().normalize().toString();
        }
        return "";
    }
}
