package org.sdvp.core.service;

/**
 * Counters of one {@link BatchingDispatcher} since it started, for throughput reports and for finding where
 * an evaluation's time goes. Times are summed nanoseconds.
 *
 * @param batches      batches run
 * @param requests     requests answered
 * @param largestBatch the largest batch run
 * @param prepareNanos time in {@link ModelService#prepare}, on the callers' threads (summed over callers)
 * @param waitNanos    time callers spent blocked from handing a request in to getting its answer (summed over
 *                     callers, so with many callers it exceeds the wall-clock time)
 * @param busyNanos    wall-clock time of the model thread inside {@link ModelService#apply}
 * @param busyCpuNanos CPU time of the model thread inside {@link ModelService#apply} (-1 when the JVM does
 *                     not measure thread CPU time); below {@code busyNanos} when other processes compete
 */
public record DispatchStats(
        long batches,
        long requests,
        int largestBatch,
        long prepareNanos,
        long waitNanos,
        long busyNanos,
        long busyCpuNanos) {

    public static final DispatchStats NONE = new DispatchStats(0, 0, 0, 0, 0, 0, 0);

    public double meanBatch() {
        return batches == 0 ? 0 : requests / (double) batches;
    }

    /** The counters accumulated between {@code before} and this. */
    public DispatchStats since(DispatchStats before) {
        return new DispatchStats(
                batches - before.batches,
                requests - before.requests,
                largestBatch,
                prepareNanos - before.prepareNanos,
                waitNanos - before.waitNanos,
                busyNanos - before.busyNanos,
                busyCpuNanos < 0 ? -1 : busyCpuNanos - before.busyCpuNanos);
    }
}
