package org.sdvp.spark;

import java.util.Map;
import java.util.TreeMap;
import org.sdvp.distill.label.Labelled;

/**
 * A finished label partition's counters ({@code stats.json}), per sub-task kind as {@link Labelled} counts them,
 * summed by the driver.
 */
record LabelStats(
        int labels,
        double seconds,
        String executor,
        Map<String, Integer> calls,
        Map<String, Integer> inconsistent,
        Map<String, Integer> uncovered,
        Map<String, Integer> unsure,
        Map<String, Integer> missingImage) {

    static LabelStats empty() {
        return new LabelStats(
                0, 0, "", new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    /** These counters and a chunk's. */
    LabelStats plus(Labelled l) {
        return new LabelStats(
                labels + l.targets().size(),
                seconds,
                executor,
                sum(calls, l.calls()),
                sum(inconsistent, l.inconsistent()),
                sum(uncovered, l.uncovered()),
                sum(unsure, l.unsure()),
                sum(missingImage, l.missingImage()));
    }

    LabelStats plus(LabelStats o) {
        return new LabelStats(
                labels + o.labels,
                seconds + o.seconds,
                executor,
                sum(calls, o.calls),
                sum(inconsistent, o.inconsistent),
                sum(uncovered, o.uncovered),
                sum(unsure, o.unsure),
                sum(missingImage, o.missingImage));
    }

    LabelStats finished(double seconds, String executor) {
        return new LabelStats(labels, seconds, executor, calls, inconsistent, uncovered, unsure, missingImage);
    }

    private static Map<String, Integer> sum(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> out = new TreeMap<>(a);
        PartitionStats.addAll(out, b, Integer::sum);
        return out;
    }
}
