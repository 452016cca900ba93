/**
 * {@code eval} and {@code collect} on Apache Spark ({@code --spark MASTER}): the driver plans partitions of
 * the questions ({@link org.sdvp.spark.JobPlan}), executors run them with the local path's evaluator
 * ({@link org.sdvp.spark.PartitionTask}) and commit each partition atomically ({@link org.sdvp.spark.PartitionStore}),
 * and the driver merges them in question order ({@link org.sdvp.spark.SparkClusterRunner}). How and why:
 * docs/scale.md.
 */
package org.sdvp.spark;
