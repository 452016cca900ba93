package org.sdvp.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.distill.label.CallImages;
import org.sdvp.distill.label.DistillTarget;
import org.sdvp.distill.label.Labelled;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.distill.trace.SubTaskCall;

/**
 * One label partition on an executor: its lines of the calls file, read from the range's first byte, labelled
 * chunk by chunk by the local path's {@code PseudoLabeler} with the executor's teacher and student; each kept
 * call's label ({@link CallLabel}, no pixels) and the counters go to a temporary folder that is committed when
 * complete. Chunks keep an executor's memory bounded by the chunk's calls and crops, not the partition's.
 */
final class LabelTask implements Function<Integer, String> {
    private static final long serialVersionUID = 1L;

    /**
     * Calls per chunk. Each kind's teacher batches start afresh at a chunk's and a partition's first call, so
     * the batches differ from the local path's; the labels do not, as the teacher answers each request alike in
     * any batch (SparkLabelTest checks the labels against the local path's).
     */
    static final int CHUNK = 64 * 64;

    static final String LABELS = "labels.jsonl";

    private final LabelPlan plan;

    LabelTask(LabelPlan plan) {
        this.plan = plan;
    }

    @Override
    public String call(Integer index) throws Exception {
        PartitionStore store = new PartitionStore(Path.of(plan.workDir()));
        if (store.isComplete(index)) return "partition " + index + " was already complete";
        long start = System.nanoTime();
        LabelPlan.Lines range = plan.partitions().get(index);
        Path calls = Path.of(plan.calls());
        Path tmp = store.begin(index);
        LabelModels.Pair models = LabelModels.take(plan);
        try (FileChannel ch = FileChannel.open(calls, StandardOpenOption.READ);
                BufferedReader in = reader(ch.position(range.offset()));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp.resolve(LABELS)))) {
            CallImages images = new CallImages();
            ObjectMapper m = Json.mapper();
            LabelStats stats = LabelStats.empty();
            long line = range.first();
            long end = range.first() + range.count();
            while (line < end) {
                // the chunk's calls and their lines (blank lines are no calls, as CallsFile.read skips them)
                List<SubTaskCall> chunk = new ArrayList<>();
                List<Long> lines = new ArrayList<>();
                for (; line < end && chunk.size() < CHUNK; line++) {
                    String text = in.readLine();
                    if (text == null) {
                        throw new DataException(calls + " has fewer lines than when the job was planned (" + line
                                + "); delete " + store.dir() + " and run again");
                    }
                    if (text.isBlank()) continue;
                    chunk.add(CallsFile.parse(calls, line + 1, text));
                    lines.add(line);
                }
                DistillTarget[] byCall = new DistillTarget[chunk.size()];
                Labelled labelled = models.labeler(plan).label(chunk, images, byCall);
                for (int k = 0; k < byCall.length; k++) {
                    if (byCall[k] == null) continue;
                    out.write(m.writeValueAsBytes(CallLabel.of(lines.get(k), byCall[k])));
                    out.write('\n');
                }
                stats = stats.plus(labelled);
            }
            out.flush();
            Json.write(
                    tmp.resolve(PartitionStore.STATS), stats.finished((System.nanoTime() - start) / 1e9, executorId()));
        } catch (Exception e) {
            PartitionStore.deleteTree(tmp);
            throw e;
        } finally {
            LabelModels.give(plan, models);
        }
        store.commit(index, tmp);
        return "label partition " + index + " on executor " + executorId();
    }

    private static BufferedReader reader(FileChannel at) {
        InputStream in = Channels.newInputStream(at);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "local" : env.executorId();
    }
}
