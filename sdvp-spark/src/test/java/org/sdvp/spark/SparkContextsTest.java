package org.sdvp.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** What the driver tells a standalone cluster's executor JVMs, which do not inherit its system properties. */
class SparkContextsTest {
    private static final String THREADS = "ai.djl.pytorch.num_threads";

    @Test
    void aStandaloneClustersExecutorsRunPyTorchWithTheDriversThreads() {
        String before = System.getProperty(THREADS);
        System.setProperty(THREADS, "1");
        try {
            SparkConf cluster = SparkContexts.conf("spark://127.0.0.1:7077", true);
            assertTrue(
                    cluster.get("spark.executor.extraJavaOptions").contains("-D" + THREADS + "=1"),
                    cluster.get("spark.executor.extraJavaOptions"));
            // local[N] executors are the driver's own threads: nothing to pass
            assertFalse(SparkContexts.conf("local[2]", false).contains("spark.executor.extraJavaOptions"));
        } finally {
            if (before == null) System.clearProperty(THREADS);
            else System.setProperty(THREADS, before);
        }
    }
}
