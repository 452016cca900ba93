package org.sdvp.spark;

import java.util.Map;
import java.util.TreeMap;

/**
 * A finished partition's counters ({@code stats.json}), summed by the driver.
 *
 * @param questions        questions run
 * @param seconds          wall time of the partition on its executor
 * @param framework        the framework's name, as the local run reports it
 * @param modules          the backends' name ({@code ModelGateway.name()})
 * @param chunks           call files written (collect), one per chunk of questions
 * @param batching         the evaluator's batching and profile counters, summed over chunks
 * @param programs         the program source's counters
 * @param scoreSum         sum of the questions' scores
 * @param errors           questions without an answer
 * @param consistent       questions whose program gave the gold answer (collect)
 * @param callsByKind      calls per kind (collect)
 * @param consistentByKind answer-consistent calls per kind (collect)
 * @param executor         which executor ran it, for the log
 */
public record PartitionStats(
        int questions,
        double seconds,
        String framework,
        String modules,
        int chunks,
        Map<String, Long> batching,
        Map<String, Long> programs,
        double scoreSum,
        int errors,
        int consistent,
        Map<String, Integer> callsByKind,
        Map<String, Integer> consistentByKind,
        String executor) {

    /** Adds {@code from} into {@code into} (counters of several partitions or chunks). */
    static <N extends Number> void addAll(
            Map<String, N> into, Map<String, N> from, java.util.function.BinaryOperator<N> sum) {
        from.forEach((k, v) -> into.merge(k, v, sum));
    }

    static Map<String, Long> sumLongs(
            Iterable<PartitionStats> parts, java.util.function.Function<PartitionStats, Map<String, Long>> field) {
        Map<String, Long> out = new TreeMap<>();
        for (PartitionStats p : parts) addAll(out, field.apply(p), Long::sum);
        return out;
    }

    static Map<String, Integer> sumInts(
            Iterable<PartitionStats> parts, java.util.function.Function<PartitionStats, Map<String, Integer>> field) {
        Map<String, Integer> out = new TreeMap<>();
        for (PartitionStats p : parts) addAll(out, field.apply(p), Integer::sum);
        return out;
    }
}
