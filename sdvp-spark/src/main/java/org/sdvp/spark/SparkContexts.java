package org.sdvp.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.StringJoiner;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaSparkContext;
import org.sdvp.core.io.DataException;

/**
 * The driver's Spark context: reuses an active one (a test class shares one), or starts one for the master
 * after checking, within a few seconds, that a standalone master answers at all (Spark itself would retry
 * for minutes) and that it gives the job at least one executor.
 */
final class SparkContexts {
    static final int CONNECT_TIMEOUT_MS = 5000;
    static final long EXECUTOR_WAIT_MS = Long.getLong("sdvp.spark.executorWaitMs", 60_000);

    private SparkContexts() {}

    /** A context and whether this run started it (and so stops it). */
    record Lease(JavaSparkContext context, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) context.stop();
        }
    }

    static Lease open(String master) throws DataException {
        boolean standalone = master.startsWith("spark://");
        if (standalone) checkReachable(master);
        scala.Option<SparkContext> active = SparkContext$.MODULE$.getActive();
        if (active.isDefined()) {
            SparkContext sc = active.get();
            if (!sc.master().equals(master)) {
                throw new DataException(
                        "--spark " + master + ": this JVM already runs Spark with master " + sc.master());
            }
            return new Lease(JavaSparkContext.fromSparkContext(sc), false);
        }
        if (!standalone && !master.startsWith("local")) {
            throw new DataException("--spark " + master + ": expected local[N], local[*] or spark://HOST:PORT");
        }
        JavaSparkContext jsc;
        try {
            jsc = new JavaSparkContext(conf(master, standalone));
        } catch (RuntimeException e) {
            throw new DataException("cannot start Spark with master " + master + ": " + e.getMessage(), e);
        }
        if (standalone) awaitExecutors(jsc, master);
        return new Lease(jsc, true);
    }

    /**
     * Loopback defaults (a user's own cluster overrides them with -Dspark.driver.host=... in SDVP_JAVA_OPTS:
     * SparkConf reads spark.* system properties), no web UI, and for a standalone cluster the driver's class
     * path on the executors (the workers are started from the same jars, on the same or a shared file system).
     */
    static SparkConf conf(String master, boolean standalone) {
        SparkConf conf = new SparkConf()
                .setMaster(master)
                .setAppName("sdvp")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.driver.host", "127.0.0.1")
                .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                // one retry, for a lost executor: a failing question is recorded, never thrown, so a partition
                // that fails twice has a cause a third attempt would not fix
                .setIfMissing("spark.task.maxFailures", "2");
        if (standalone) {
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            // as the launcher does for every sdvp JVM: DJL must not reach the network
            conf.setIfMissing("spark.executorEnv.DJL_OFFLINE", "true");
            conf.setIfMissing("spark.executorEnv.OPT_OUT_TRACKING", "true");
            String djl = executorJavaOptions();
            if (!djl.isEmpty()) conf.setIfMissing("spark.executor.extraJavaOptions", djl);
        }
        return conf;
    }

    /**
     * The driver's DJL settings for executor JVMs ({@code local[N]} executors are the driver's threads and have
     * them already): without {@code ai.djl.pytorch.num_threads} an executor's PyTorch takes a thread per core, so
     * two executors on two cores would each run two, and its reductions would not be the driver's.
     */
    static String executorJavaOptions() {
        StringJoiner options = new StringJoiner(" ");
        for (String key : DJL_PROPERTIES) {
            String value = System.getProperty(key);
            if (value != null && !value.isBlank() && value.chars().noneMatch(Character::isWhitespace)) {
                options.add("-D" + key + "=" + value);
            }
        }
        return options.toString();
    }

    private static final List<String> DJL_PROPERTIES =
            List.of("ai.djl.offline", "ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads");

    private static void checkReachable(String master) throws DataException {
        String hosts = master.substring("spark://".length());
        String why = "no host";
        for (String hostPort : hosts.split(",")) {
            try {
                URI u = new URI("spark://" + hostPort);
                if (u.getHost() == null || u.getPort() < 0)
                    throw new DataException("--spark " + master + ": expected spark://HOST:PORT");
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(u.getHost(), u.getPort()), CONNECT_TIMEOUT_MS);
                    return;
                }
            } catch (IOException e) {
                why = e.getMessage();
            } catch (java.net.URISyntaxException e) {
                throw new DataException("--spark " + master + ": not a master URL: " + e.getMessage(), e);
            }
        }
        throw new DataException("cannot reach the Spark master " + master + " (" + why + "); is the cluster up? "
                + "(scripts/spark-cluster.sh start starts one on loopback)");
    }

    private static void awaitExecutors(JavaSparkContext jsc, String master) throws DataException {
        long deadline = System.currentTimeMillis() + EXECUTOR_WAIT_MS;
        // the driver is listed among the executors: more than one means a real executor registered
        while (jsc.sc().statusTracker().getExecutorInfos().length < 2) {
            if (System.currentTimeMillis() > deadline) {
                jsc.stop();
                throw new DataException("the Spark master " + master + " gave this job no executor within "
                        + EXECUTOR_WAIT_MS / 1000 + " s (no worker registered, or none with enough free cores/memory)");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jsc.stop();
                throw new DataException("interrupted while waiting for executors from " + master, e);
            }
        }
    }
}
