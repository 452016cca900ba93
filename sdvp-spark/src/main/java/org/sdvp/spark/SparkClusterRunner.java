package org.sdvp.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sdvp.cli.distill.CollectCommand;
import org.sdvp.cli.support.BenchmarkOptions;
import org.sdvp.cli.support.ClusterRunner;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Outcome;
import org.sdvp.core.evaluation.QuestionTraces;
import org.sdvp.core.evaluation.RunJournal;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.distill.trace.CollectedCalls;

/**
 * The driver of {@code eval --spark} and {@code collect --spark}: counts the questions, splits them into
 * contiguous partitions, runs the partitions not yet complete in {@code OUT.spark/} as Spark tasks, and
 * merges the partitions in question order into the local path's output.
 */
public final class SparkClusterRunner implements ClusterRunner {

    /** A planned job on an open context. */
    private record Prepared(
            Job job, Task task, JobPlan plan, PartitionStore store, SparkContexts.Lease spark, long start) {}

    /** What the driver makes of the complete partitions. */
    private interface Merge<R> {
        R merge(Prepared p, List<PartitionStats> stats) throws Exception;
    }

    private static <R> R runJob(Job job, JobPlan.Kind kind, int questionLines, Merge<R> merge) throws Exception {
        try (SparkContexts.Lease spark = SparkContexts.open(job.master())) {
            Prepared p = prepare(job, kind, questionLines, spark);
            return merge.merge(p, run(p));
        }
    }

    @Override
    public EvalResult evaluate(Job job, QuestionTraces traces) throws Exception {
        return runJob(job, JobPlan.Kind.EVAL, traces == null ? 0 : QuestionTraces.MAX_QUESTIONS, (p, stats) -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < p.plan().partitions().size(); i++) {
                int from = outcomes.size();
                p.store().outcomes(i, outcomes::add);
                if (traces != null)
                    restoreLines(traces, outcomes, from, p.store().questionLines(i));
            }
            PartitionStats first = stats.get(0);
            return Evaluator.summarise(
                    p.task(),
                    job.options().split,
                    first.framework(),
                    first.modules(),
                    outcomes,
                    seconds(p),
                    PartitionStats.sumLongs(stats, PartitionStats::batching),
                    PartitionStats.sumLongs(stats, PartitionStats::programs),
                    provenance(p),
                    Map.of());
        });
    }

    /**
     * A partition's questions into {@code traces} as a resumed local run restores its journal: the lines the
     * partition kept (its first questions, up to the file's limit), the answers alone for the rest, which the
     * traces count as left out just as the local run does.
     */
    private static void restoreLines(QuestionTraces traces, List<Outcome> outcomes, int from, List<JsonNode> lines) {
        for (int k = from; k < outcomes.size(); k++) {
            int at = k - from;
            traces.restore(new RunJournal.Entry(k, outcomes.get(k), at < lines.size() ? lines.get(at) : null));
        }
    }

    @Override
    public String collect(Job job) throws Exception {
        return runJob(job, JobPlan.Kind.COLLECT, 0, (p, stats) -> {
            List<Path> runs = new ArrayList<>();
            for (int i = 0; i < p.plan().partitions().size(); i++)
                runs.addAll(p.store().callFiles(i));
            CallsMerge.merge(runs, job.out());
            // the summary from the partitions' counters: the questions' outcomes are not held at once
            int questions = 0, errors = 0, consistent = 0;
            double scoreSum = 0;
            for (PartitionStats s : stats) {
                questions += s.questions();
                errors += s.errors();
                consistent += s.consistent();
                scoreSum += s.scoreSum();
            }
            PartitionStats first = stats.get(0);
            EvalResult eval = new EvalResult(
                    p.task().name(),
                    job.options().split,
                    first.framework(),
                    first.modules(),
                    p.task().metric().name(),
                    questions,
                    scoreSum / questions,
                    errors,
                    Map.of(),
                    List.of(),
                    seconds(p),
                    PartitionStats.sumLongs(stats, PartitionStats::batching),
                    PartitionStats.sumLongs(stats, PartitionStats::programs),
                    provenance(p),
                    Map.of(),
                    Map.of());
            CollectedCalls calls = new CollectedCalls(
                    List.of(),
                    questions,
                    consistent,
                    PartitionStats.sumInts(stats, PartitionStats::callsByKind),
                    PartitionStats.sumInts(stats, PartitionStats::consistentByKind),
                    eval);
            Json.write(
                    job.out().resolveSibling(job.out().getFileName() + ".summary.json"),
                    new CollectCommand.Summary(
                            questions,
                            consistent,
                            calls.callsByKind(),
                            calls.consistentByKind(),
                            eval.summary(),
                            eval.errorsByReason(),
                            org.sdvp.core.io.Sha256.of(job.out()),
                            eval.provenance()));
            return calls.summary();
        });
    }

    private static Prepared prepare(Job job, JobPlan.Kind kind, int questionLines, SparkContexts.Lease spark)
            throws Exception {
        long start = System.nanoTime();
        BenchmarkOptions o = job.options();
        if (o.data == null) throw new DataException("--data DIR is required: the task's data folder");
        if (o.concurrency < 1) throw new DataException("--concurrency must be at least 1: " + o.concurrency);
        if (o.maxBatch < 1) throw new DataException("--max-batch must be at least 1: " + o.maxBatch);
        if (o.programs.equals("llm")) {
            throw new DataException("--spark runs stored programs (dataset, native or a file): generate them once "
                    + "without --spark (--programs llm writes --llm-cache), then pass that file to --programs");
        }
        Task task = Tasks.find(o.task);
        int parts = o.sparkPartitions != null
                ? o.sparkPartitions
                : 4 * spark.context().defaultParallelism();
        if (parts < 1) throw new DataException("--spark-partitions must be at least 1: " + parts);
        List<String> args = JobArgs.forExecutors(o, job.args());
        JobPlan plan = new JobPlan(
                UUID.randomUUID().toString(),
                kind,
                args,
                workDir(job.out()).toString(),
                plan(task, o, parts),
                questionLines);
        PartitionStore store = new PartitionStore(workDir(job.out()));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("kind", kind);
        identity.put("args", JobArgs.identity(args));
        identity.put("partitions", plan.partitions());
        identity.put("questionLines", questionLines);
        store.prepare(Json.pretty(identity));
        return new Prepared(job, task, plan, store, spark, start);
    }

    /**
     * Counts the questions (streamed) and splits them into contiguous ranges; when the task's source reports
     * positions (GQA, from the index its open built), each range gets its start, found by skipping through the
     * index rather than reading the questions.
     */
    private static List<JobPlan.Range> plan(Task task, BenchmarkOptions o, int parts) throws Exception {
        try (ExampleSource s = task.open(o.data, o.split)) {
            boolean positions = s.position().isPresent();
            long n;
            if (s.size().isPresent()) {
                n = s.size().getAsLong();
            } else {
                n = 0;
                for (; s.hasNext(); s.next()) n++;
                positions = false;
            }
            long questions = o.limit == null ? n : Math.min(n, o.limit);
            if (questions == 0) throw new DataException("no questions in " + o.data + " split " + o.split);
            List<JobPlan.Range> ranges = JobPlan.ranges(questions, parts);
            if (!positions) return ranges;
            List<JobPlan.Range> started = new ArrayList<>(ranges.size());
            long at = 0;
            for (JobPlan.Range r : ranges) {
                if (s.skip(r.from() - at) != r.from() - at) {
                    throw new DataException("the split ended before question " + r.from() + " of " + n);
                }
                at = r.from();
                started.add(r.withStart(s.position().orElseThrow()));
            }
            return started;
        }
    }

    /** Runs the partitions not yet complete; returns every partition's counters. */
    private static List<PartitionStats> run(Prepared p) throws Exception {
        int total = p.plan().partitions().size();
        String name = p.task().name() + "/" + p.job().options().split + " on "
                + p.job().master();
        SparkJobs.run(
                p.spark().context(),
                p.store(),
                total,
                name,
                p.job().options().err(),
                new PartitionTask(p.plan()),
                // in local mode the executors are this JVM's threads: release what they opened
                ExecutorBackends::closeAll);
        List<PartitionStats> stats = new ArrayList<>();
        for (int i = 0; i < total; i++) stats.add(p.store().stats(i));
        return stats;
    }

    private static Map<String, String> provenance(Prepared p) {
        Map<String, String> prov = new LinkedHashMap<>(p.job().options().provenance());
        prov.put("spark", p.job().master() + ", " + p.plan().partitions().size() + " partitions");
        return prov;
    }

    private static double seconds(Prepared p) {
        return (System.nanoTime() - p.start()) / 1e9;
    }

    static Path workDir(Path out) {
        return out.toAbsolutePath().normalize().resolveSibling(out.getFileName() + ".spark");
    }
}
