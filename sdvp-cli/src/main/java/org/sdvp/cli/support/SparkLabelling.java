package org.sdvp.cli.support;

import org.sdvp.core.io.DataException;
import org.sdvp.distill.label.ClusterLabeler;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER} and {@code --spark-partitions N} of the commands that pseudo-label ({@code distill},
 * {@code experiment}): the labelling step runs on Spark ({@link ClusterLabeler}), everything else where it always
 * runs. The launcher sees {@code --spark} and puts sdvp-spark and Spark's jars on the class path.
 */
public final class SparkLabelling {
    @Option(
            names = "--spark",
            paramLabel = "MASTER",
            description = "Pseudo-label on Apache Spark: local[N] (this JVM, N executor threads) or spark://HOST:PORT "
                    + "(a standalone cluster; scripts/spark-cluster.sh starts one on loopback). The calls file is cut "
                    + "into partitions, each labelled where the cluster runs it and written to STAGE/labels.spark/ when "
                    + "complete; a re-run skips finished partitions. The same labels as without --spark "
                    + "(docs/scale.md).")
    String master;

    @Option(
            names = "--spark-partitions",
            paramLabel = "N",
            description = "With --spark: partitions of the calls file. Default: 4 per executor core.")
    Integer partitions;

    /** Where to label, checked; null without {@code --spark}. */
    public ClusterLabeler.On on() throws DataException {
        if (master == null) {
            if (partitions != null) throw new DataException("--spark-partitions needs --spark MASTER");
            return null;
        }
        if (partitions != null && partitions < 1)
            throw new DataException("--spark-partitions must be at least 1: " + partitions);
        return new ClusterLabeler.On(master, partitions);
    }
}
