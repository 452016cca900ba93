package org.sdvp.distill.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.distill.report.ExperimentReport.Interval;

/**
 * 95 % paired bootstrap intervals of a row's change against the baseline, over the test questions both were
 * scored on (docs/experiment.md, "How sure is a change?").
 *
 * <p>A row's per-question difference is {@code d_i = mean over its seeds of score(i) − baseline score(i)}: the
 * seeds are pooled per question, so one resample of the questions draws question {@code i} for every seed at
 * once. That keeps the correlation the seeds share through the questions (an easy question is easy for all
 * of them); resampling each seed's questions independently would treat 3 × n answers as independent and
 * narrow the interval by up to √3. The seeds themselves are not resampled: with three of them a bootstrap
 * has ten distinct seed sets and underestimates their variance by a third, so it would look like an interval
 * without being one. The interval therefore says how far the change could move on another draw of test
 * questions for these trained students; the seeds' own spread is reported beside it (the table's ±, and
 * each seed's own interval in {@link Interval#seeds()}).
 *
 * <p>Percentile intervals over {@link #RESAMPLES} resamples. The random stream of a task is fixed by
 * {@link #SEED} and the task's name, and the same for every row, so the intervals are deterministic and each
 * row's interval does not depend on which other rows exist.
 */
public final class PairedBootstrap {
    /** Resamples per interval: the percentile's Monte-Carlo error is then below 0.1 point at n = 500. */
    public static final int RESAMPLES = 5000;
    /** The fixed seed of every resampling stream. */
    public static final long SEED = 20261207L;
    /** Two-sided coverage. */
    public static final double LEVEL = 0.95;

    private final int resamples;
    private final long seed;

    public PairedBootstrap() {
        this(RESAMPLES, SEED);
    }

    public PairedBootstrap(int resamples, long seed) {
        if (resamples < 100) throw new IllegalArgumentException("at least 100 resamples are needed: " + resamples);
        this.resamples = resamples;
        this.seed = seed;
    }

    /**
     * The mean of {@code d} on each resample of its entries (drawn with replacement, as many as there are).
     *
     * @param stream names the random stream (the task): equal streams draw the same questions
     */
    public double[] replicates(double[] d, String stream) {
        if (d.length == 0) throw new IllegalArgumentException("no questions to resample");
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream.hashCode());
        double[] out = new double[resamples];
        int n = d.length;
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int k = 0; k < n; k++) sum += d[r.nextInt(n)];
            out[b] = sum / n;
        }
        return out;
    }

    /**
     * The interval of a change in points: the observed mean and the 2.5 % and 97.5 % quantiles of its
     * replicates (both in score units, [−1, 1]).
     */
    public static Interval interval(double observed, double[] replicates) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        double tail = (1 - LEVEL) / 2;
        return Interval.ofScores(observed, quantile(sorted, tail), quantile(sorted, 1 - tail));
    }

    /** The change and its interval for one task: per-question differences of a row (seeds pooled) and the baseline. */
    public Interval interval(double[] d, String stream) {
        return interval(mean(d), replicates(d, stream));
    }

    /**
     * The mean change over several tasks (the unseen mean), each task's questions resampled on their own
     * (the tasks are independent samples); replicate {@code b} averages every task's replicate {@code b}.
     */
    public Interval meanInterval(List<double[]> perTask, List<String> streams) {
        if (perTask.isEmpty()) throw new IllegalArgumentException("no tasks");
        double observed = 0;
        double[] sum = new double[resamples];
        for (int t = 0; t < perTask.size(); t++) {
            observed += mean(perTask.get(t));
            double[] reps = replicates(perTask.get(t), streams.get(t));
            for (int b = 0; b < resamples; b++) sum[b] += reps[b];
        }
        for (int b = 0; b < resamples; b++) sum[b] /= perTask.size();
        return interval(observed / perTask.size(), sum);
    }

    /**
     * Per-question paired differences: the mean over seeds of each seed's score minus the baseline's, question
     * by question (all vectors in the split's question order).
     */
    public static double[] pooledDifferences(List<double[]> seeds, double[] baseline) {
        if (seeds.isEmpty()) throw new IllegalArgumentException("no seeds");
        double[] d = new double[baseline.length];
        for (double[] s : seeds) {
            if (s.length != baseline.length) {
                throw new IllegalArgumentException(
                        "a seed was scored on " + s.length + " questions, the baseline on " + baseline.length);
            }
            for (int i = 0; i < d.length; i++) d[i] += (s[i] - baseline[i]) / seeds.size();
        }
        return d;
    }

    static double mean(double[] d) {
        double s = 0;
        for (double v : d) s += v;
        return s / d.length;
    }

    /** Linear interpolation between order statistics (R's type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
