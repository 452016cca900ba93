package org.sdvp.spark;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.distill.label.ClusterLabeler;
import org.sdvp.distill.label.Labelled;

/**
 * The driver of {@code distill --spark} and {@code experiment --spark} labelling: cuts the calls file into line
 * ranges, labels the ranges not yet complete in the job's folder as Spark tasks ({@link LabelTask}) and merges
 * them in file order ({@link LabelMerge}) into the labels the local path gives.
 */
public final class SparkLabeler implements ClusterLabeler {

    @Override
    public Labelled label(Job job) throws Exception {
        Path calls = job.calls().toAbsolutePath().normalize();
        if (!Files.isRegularFile(calls)) throw new DataException("no calls file " + calls);
        PrintWriter err =
                job.log() == null ? new PrintWriter(OutputStream.nullOutputStream()) : new PrintWriter(job.log(), true);
        try (SparkContexts.Lease spark = SparkContexts.open(job.on().master())) {
            int parts = job.on().partitions() != null
                    ? job.on().partitions()
                    : 4 * spark.context().defaultParallelism();
            List<LabelPlan.Lines> ranges = CallRanges.of(calls, parts);
            Path work = job.work().toAbsolutePath().normalize();
            LabelPlan plan = new LabelPlan(
                    UUID.randomUUID().toString(),
                    calls.toString(),
                    abs(job.teacher()),
                    abs(job.student()),
                    job.options(),
                    work.toString(),
                    ranges);
            PartitionStore store = new PartitionStore(work);
            store.prepare(Json.pretty(identity(plan, calls)));
            SparkJobs.run(
                    spark.context(),
                    store,
                    ranges.size(),
                    "labels of " + calls.getFileName() + " on " + job.on().master(),
                    err,
                    new LabelTask(plan),
                    // in local mode the executors are this JVM's threads: release the models they loaded
                    LabelModels::closeAll);
            return LabelMerge.merge(calls, store, ranges.size());
        }
    }

    /**
     * What decides the partitions' labels: the calls file (path, size, modification time), the models, the
     * options and the ranges. A re-run with the same identity keeps the complete partitions.
     */
    private static Map<String, Object> identity(LabelPlan plan, Path calls) throws java.io.IOException {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("kind", "LABEL");
        id.put("calls", plan.calls());
        id.put("callsSize", Files.size(calls));
        id.put("callsModified", Files.getLastModifiedTime(calls).toMillis());
        id.put("teacher", fingerprint(Path.of(plan.teacher())));
        id.put("student", fingerprint(Path.of(plan.student())));
        id.put("labels", plan.options());
        id.put("partitions", plan.partitions());
        return id;
    }

    /** A checkpoint folder by path and its files' sizes and modification times (a checkpoint written again differs). */
    private static List<String> fingerprint(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            List<String> out = new java.util.ArrayList<>(List.of(dir.toString()));
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.add(dir.relativize(f) + " " + Files.size(f) + " "
                        + Files.getLastModifiedTime(f).toMillis());
            }
            return out;
        }
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
