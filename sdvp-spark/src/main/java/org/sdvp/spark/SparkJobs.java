package org.sdvp.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.sdvp.cli.support.Progress;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.BackendException;

/**
 * What every job of this module does on the driver around its partitions: finds the ones not yet complete in
 * its {@link PartitionStore} (saying so when resuming), runs them as Spark tasks, one partition per task, with a
 * progress bar of partitions, and turns a failed job into the local path's exit codes.
 */
final class SparkJobs {
    private SparkJobs() {}

    /**
     * Runs {@code task} on every partition of {@code total} that {@code store} does not hold complete.
     *
     * @param after run when the tasks are over, failed or not (local mode: release what the executor threads opened)
     */
    static void run(
            JavaSparkContext jsc,
            PartitionStore store,
            int total,
            String name,
            PrintWriter err,
            Function<Integer, String> task,
            Runnable after)
            throws Exception {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < total; i++) if (!store.isComplete(i)) missing.add(i);
        if (missing.size() < total) {
            err.printf(
                    "sdvp: resuming %s: %d of %d partitions already complete, running %d%n",
                    store.dir(), total - missing.size(), total, missing.size());
            err.flush();
        }
        if (missing.isEmpty()) return;
        try (ProgressBar bar = Progress.bar(err, name, missing.size(), "partitions")) {
            SparkListener steps = new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (end.taskInfo().successful()) bar.step();
                }
            };
            jsc.sc().addSparkListener(steps);
            try {
                jsc.parallelize(missing, missing.size()).map(task).collect();
            } catch (RuntimeException e) {
                throw unwrap(e);
            } finally {
                jsc.sc().removeSparkListener(steps);
                after.run();
            }
        }
    }

    /** A partition's bad data or backend is bad input (exit 2), as in the local path; anything else fails the run. */
    static Exception unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataException || t instanceof BackendException) return (Exception) t;
        }
        String msg = e.getMessage() == null
                ? e.toString()
                : e.getMessage().lines().findFirst().orElse("");
        return new IllegalStateException("the Spark job failed: " + msg, e);
    }
}
