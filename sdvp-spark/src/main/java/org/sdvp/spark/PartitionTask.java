package org.sdvp.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.sdvp.cli.support.BenchmarkOptions;
import org.sdvp.cli.support.BenchmarkRun;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Outcome;
import org.sdvp.core.evaluation.QuestionTraces;
import org.sdvp.core.evaluation.RunJournal;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.distill.trace.CollectedCalls;
import org.sdvp.distill.trace.TraceCollector;

/**
 * One partition on an executor: the questions of its range, run chunk by chunk through the same
 * {@link Evaluator} (and, for collect, {@link TraceCollector}) as the local path, with the executor's shared
 * backends; the outcomes, call files and counters go to a temporary folder that is committed when complete.
 * Chunks keep an executor's memory bounded by the chunk, not the partition.
 */
final class PartitionTask implements Function<Integer, String> {
    private static final long serialVersionUID = 1L;

    /** Questions per chunk: large enough that chunk boundaries cost the batching little. */
    static final int CHUNK = 2000;

    private static final List<String> PROGRAM_COUNTERS =
            List.of("loadImagesMicros", "programMicros", "programCpuMicros");

    private final JobPlan job;

    PartitionTask(JobPlan job) {
        this.job = job;
    }

    @Override
    public String call(Integer index) throws Exception {
        PartitionStore store = new PartitionStore(Path.of(job.workDir()));
        if (store.isComplete(index)) return "partition " + index + " was already complete";
        long start = System.nanoTime();
        ExecutorBackends.Opened be = ExecutorBackends.forJob(job);
        BenchmarkOptions o = be.options();
        JobPlan.Range range = job.partitions().get(index);
        Path tmp = store.begin(index);
        Totals t = new Totals();
        try (ProgramSource programs = BenchmarkRun.programSource(o, be.framework(), be.task());
                ExampleSource source = open(be, range);
                OutputStream outcomes =
                        new BufferedOutputStream(Files.newOutputStream(tmp.resolve(PartitionStore.OUTCOMES)))) {
            int left = range.count(), chunk = 0;
            long next = range.from(); // the split's index of the chunk's first question
            while (left > 0) {
                int keep = (int) Math.max(0, Math.min(CHUNK, job.questionLines() - next));
                OrderedChunk questions = keep == 0
                        ? new OrderedChunk(source, Math.min(CHUNK, left))
                        : new OrderedChunk(source, Math.min(CHUNK, left), new QuestionTraces(o.data).recorder(), keep);
                EvalResult eval;
                if (job.kind() == JobPlan.Kind.EVAL) {
                    eval = new Evaluator(be.task(), be.framework(), programs, be.gateway(), o.concurrency)
                            .run(questions, o.split, Map.of(), questions, RunJournal.none(), questions);
                    if (keep > 0) writeLines(tmp.resolve(PartitionStore.QUESTIONS), questions.lines());
                } else {
                    CollectedCalls calls = new TraceCollector(be.task(), be.framework(), programs, o.concurrency)
                            .collect(questions, o.split, be.gateway(), Map.of(), questions);
                    CallsFile.write(tmp.resolve(PartitionStore.callFile(chunk)), calls.calls());
                    t.add(calls);
                    eval = calls.evaluation();
                }
                List<Outcome> done = questions.outcomes();
                if (done.isEmpty()) {
                    throw new DataException("the split has fewer questions than when the job was planned (partition "
                            + index + " ends early); delete " + store.dir() + " and run again");
                }
                writeOutcomes(outcomes, done);
                t.add(eval, done);
                left -= done.size();
                next += done.size();
                chunk++;
            }
            PartitionStats stats = new PartitionStats(
                    t.questions,
                    (System.nanoTime() - start) / 1e9,
                    be.framework().name(),
                    be.gateway().name(),
                    chunk,
                    t.batching,
                    programs.stats(),
                    t.scoreSum,
                    t.errors,
                    t.consistent,
                    t.byKind,
                    t.consistentByKind,
                    executorId());
            outcomes.flush();
            Json.write(tmp.resolve(PartitionStore.STATS), stats);
        } catch (Exception e) {
            PartitionStore.deleteTree(tmp);
            throw e;
        }
        store.commit(index, tmp);
        return "partition " + index + ": " + t.questions + " questions on executor " + executorId();
    }

    /**
     * The split from the range's first question: opened at the position the driver found in the split's index,
     * or, for a task without positions, opened at the start and read past the questions before the range.
     */
    private static ExampleSource open(ExecutorBackends.Opened be, JobPlan.Range range) throws Exception {
        BenchmarkOptions o = be.options();
        if (range.start() != null) return be.task().open(o.data, o.split, range.start());
        ExampleSource source = be.task().open(o.data, o.split);
        long skipped = source.skip(range.from());
        if (skipped < range.from()) {
            source.close();
            throw new DataException("the split has fewer questions than planned (" + skipped + ")");
        }
        return source;
    }

    /** Appends a chunk's question lines (each chunk's after the previous one's: question order). */
    private static void writeLines(Path file, List<JsonNode> lines) throws IOException {
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            ObjectMapper m = Json.mapper();
            for (JsonNode line : lines) {
                out.write(m.writeValueAsBytes(line));
                out.write('\n');
            }
        }
    }

    private static void writeOutcomes(OutputStream out, List<Outcome> outcomes) throws IOException {
        ObjectMapper m = Json.mapper();
        for (Outcome oc : outcomes) {
            out.write(m.writeValueAsBytes(oc));
            out.write('\n');
        }
    }

    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "local" : env.executorId();
    }

    /** The partition's counters so far. */
    private static final class Totals {
        int questions, errors, consistent;
        double scoreSum;
        final Map<String, Long> batching = new TreeMap<>();
        final Map<String, Integer> byKind = new TreeMap<>(), consistentByKind = new TreeMap<>();

        void add(EvalResult eval, List<Outcome> outcomes) {
            questions += outcomes.size();
            for (Outcome oc : outcomes) {
                scoreSum += oc.result().score();
                if (oc.result().failed()) errors++;
            }
            // the program-thread counters add up; the gateway's batch counters do not (partitions sharing an
            // executor's gateway overlap in time), so the Spark path reports only these
            for (String key : PROGRAM_COUNTERS)
                batching.merge(key, eval.batching().getOrDefault(key, 0L), Long::sum);
        }

        void add(CollectedCalls calls) {
            consistent += calls.consistent();
            PartitionStats.addAll(byKind, calls.callsByKind(), Integer::sum);
            PartitionStats.addAll(consistentByKind, calls.consistentByKind(), Integer::sum);
        }
    }
}
