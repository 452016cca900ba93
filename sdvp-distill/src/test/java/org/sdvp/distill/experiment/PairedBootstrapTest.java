package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.io.DataException;
import org.sdvp.distill.report.ExperimentReport.Interval;

/** The paired bootstrap against cases whose answer is known. */
class PairedBootstrapTest {
    private final PairedBootstrap boot = new PairedBootstrap();

    private static double[] bernoulli(int n, double p, SplittableRandom r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble() < p ? 1 : 0;
        return v;
    }

    @Test
    void identicalRowsHaveNoChangeAndAZeroWidthInterval() {
        double[] base = bernoulli(300, 0.5, new SplittableRandom(1));
        Interval i = boot.interval(PairedBootstrap.pooledDifferences(List.of(base.clone()), base), "gqa-sim");
        assertEquals(new Interval(0, 0, 0, Map.of()), i);
        assertTrue(!i.excludesZero());
    }

    @Test
    void aConstantShiftGivesATightIntervalAroundIt() {
        double[] base = new double[200], row = new double[200];
        for (int i = 0; i < 200; i++) {
            base[i] = 0.2 + 0.5 * (i % 2);
            row[i] = base[i] + 0.05;
        }
        Interval i = boot.interval(PairedBootstrap.pooledDifferences(List.of(row), base), "t");
        assertEquals(5.0, i.mean(), 1e-9);
        assertEquals(5.0, i.lo(), 1e-9);
        assertEquals(5.0, i.hi(), 1e-9);
        assertTrue(i.excludesZero());
    }

    @Test
    void itsWidthMatchesTheNormalApproximationForABinaryDifference() {
        // 30 % of 400 questions gained, the rest unchanged: mean 30 points, SE = sqrt(0.21 / 400) = 2.29 points
        double[] d = new double[400];
        for (int i = 0; i < 120; i++) d[i * 3 % 400] = 1;
        Interval i = boot.interval(d, "t");
        assertEquals(30.0, i.mean(), 1e-9);
        assertEquals(30 - 1.96 * 2.291, i.lo(), 0.4);
        assertEquals(30 + 1.96 * 2.291, i.hi(), 0.4);
    }

    @Test
    void aboutNinetyFivePercentOfIntervalsCoverTheTrueChange() {
        // paired population: the row answers like the baseline, but fixes 20 % of its misses and breaks 5 % of its hits
        PairedBootstrap fast = new PairedBootstrap(1000, 7);
        SplittableRandom r = new SplittableRandom(42);
        double pBase = 0.5, truth = (1 - pBase) * 0.20 - pBase * 0.05; // +7.5 points
        int covered = 0, runs = 300;
        for (int k = 0; k < runs; k++) {
            double[] base = bernoulli(200, pBase, r), row = new double[200];
            for (int i = 0; i < 200; i++)
                row[i] = base[i] == 1 ? (r.nextDouble() < 0.05 ? 0 : 1) : (r.nextDouble() < 0.20 ? 1 : 0);
            Interval i = fast.interval(PairedBootstrap.pooledDifferences(List.of(row), base), "run-" + k);
            if (i.lo() <= 100 * truth && 100 * truth <= i.hi()) covered++;
        }
        double coverage = covered / (double) runs;
        assertTrue(coverage > 0.90 && coverage < 0.99, "coverage " + coverage);
    }

    @Test
    void seedsArePooledPerQuestionSoIdenticalSeedsAddNoFalseCertainty() {
        SplittableRandom r = new SplittableRandom(3);
        double[] base = bernoulli(250, 0.5, r), row = bernoulli(250, 0.6, r);
        Interval one = boot.interval(PairedBootstrap.pooledDifferences(List.of(row), base), "t");
        Interval three = boot.interval(PairedBootstrap.pooledDifferences(List.of(row, row, row), base), "t");
        assertEquals(one, three, "three copies of one seed are as uncertain as one seed");
        double[] other = bernoulli(250, 0.6, r);
        double[] pooled = PairedBootstrap.pooledDifferences(List.of(row, other), base);
        for (int i = 0; i < 250; i++) assertEquals((row[i] + other[i]) / 2 - base[i], pooled[i], 1e-12);
    }

    @Test
    void itIsDeterministicPerTaskStream() {
        double[] d = bernoulli(300, 0.3, new SplittableRandom(5));
        assertEquals(boot.interval(d, "gqa-sim"), new PairedBootstrap().interval(d, "gqa-sim"));
        assertNotEquals(boot.interval(d, "gqa-sim"), boot.interval(d, "nlvr-sim"));
    }

    @Test
    void theMeanOverTasksResamplesEachTaskOnItsOwn() {
        double[] a = new double[100], b = new double[100];
        java.util.Arrays.fill(a, 0.1);
        java.util.Arrays.fill(b, 0.3);
        Interval tight = boot.meanInterval(List.of(a, b), List.of("a", "b"));
        assertEquals(new Interval(20, 20, 20, Map.of()), tight);
        double[] noisy = bernoulli(300, 0.5, new SplittableRandom(9));
        Interval alone = boot.interval(noisy, "x");
        Interval mean = boot.meanInterval(List.of(noisy, new double[300]), List.of("x", "y"));
        assertEquals(alone.mean() / 2, mean.mean(), 1e-3);
        assertEquals((alone.hi() - alone.lo()) / 2, mean.hi() - mean.lo(), 0.05, "half the spread of one task");
    }

    @Test
    void questionScoresAreRecoveredFromAResultsMisses() throws Exception {
        List<String> ids = List.of("a", "b", "c", "d");
        EvalResult r = result(
                4,
                0.625,
                List.of(
                        new QuestionResult("b", "t", "q", "x", "y", 0, null),
                        new QuestionResult("d", "t", "q", "x", "y", 0.5, null)));
        QuestionScores q = QuestionScores.of(r, ids, java.nio.file.Path.of("r.json"));
        assertEquals(
                List.of(1.0, 0.0, 1.0, 0.5),
                java.util.Arrays.stream(q.scores()).boxed().toList());
        DataException wrongMean = assertThrows(
                DataException.class,
                () -> QuestionScores.of(result(4, 0.9, r.misses()), ids, java.nio.file.Path.of("r.json")));
        assertTrue(wrongMean.getMessage().contains("r.json"), wrongMean.getMessage());
        assertThrows(
                DataException.class,
                () -> QuestionScores.of(r, List.of("a", "b", "c", "e"), java.nio.file.Path.of("r")));
        assertThrows(
                DataException.class, () -> QuestionScores.of(r, List.of("a", "b", "d"), java.nio.file.Path.of("r")));
    }

    private static EvalResult result(int count, double score, List<QuestionResult> misses) {
        return new EvalResult(
                "gqa-sim",
                "test",
                "visprog",
                "m",
                "accuracy",
                count,
                score,
                0,
                Map.of(),
                misses,
                0,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());
    }
}
