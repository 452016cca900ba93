package org.sdvp.distill.experiment;

import java.util.List;

/**
 * Mean and spread of a row's score over seeds. The spread is the sample standard deviation (n − 1 in the
 * denominator: three seeds are a sample of the seed distribution), 0 for a single value.
 */
public record Spread(double mean, double spread, int n) {
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values");
        double sum = 0;
        for (double v : values) sum += v;
        double mean = sum / values.size();
        if (values.size() == 1) return new Spread(mean, 0, 1);
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        return new Spread(mean, Math.sqrt(ss / (values.size() - 1)), values.size());
    }
}
