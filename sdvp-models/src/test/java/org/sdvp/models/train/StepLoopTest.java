package org.sdvp.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepLoopTest {
    /** Fits y = 1 at x = (1, 2) with a linear unit; the steps in {@code nanSteps} produce a NaN loss instead. */
    private static StepLoop.Result fit(int steps, Set<Integer> nanSteps, boolean[] finiteAfter) {
        DjlSetup.configure();
        try (Model model = Model.newInstance("step-loop-test")) {
            Block block = Linear.builder().setUnits(1).build();
            model.setBlock(block);
            Optimizer sgd =
                    Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).build();
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(sgd))) {
                trainer.initialize(new Shape(1, 2));
                StepLoop.Result r = new StepLoop(trainer, "test", null).run(steps, 1, 10, (scope, step, backward) -> {
                    NDArray x = scope.create(new float[] {1f, 2f}, new Shape(1, 2));
                    NDArray y = block.forward(new ParameterStore(scope, false), new NDList(x), true)
                            .singletonOrThrow();
                    NDArray loss = nanSteps.contains(step)
                            ? y.mul(Float.NaN).sum()
                            : y.sub(1f).square().sum();
                    float v = loss.getFloat();
                    backward.accept(loss);
                    return v;
                });
                boolean finite = true;
                for (Pair<String, Parameter> p : block.getParameters()) {
                    NDArray a = p.getValue().getArray();
                    finite &= !a.isNaN().any().getBoolean()
                            && !a.isInfinite().any().getBoolean();
                }
                finiteAfter[0] = finite;
                return r;
            }
        }
    }

    @Test
    void aStepWithANonFiniteLossIsSkippedAndTheWeightsStayFinite() {
        boolean[] finite = new boolean[1];
        StepLoop.Result r = fit(100, Set.of(40), finite);
        assertEquals(1, r.skippedSteps());
        assertTrue(finite[0], "a NaN gradient reached the weights");
        assertEquals(10, r.lossCurve().size());
        for (double l : r.lossCurve()) assertTrue(Double.isFinite(l), "curve " + r.lossCurve());
        assertTrue(r.lastLoss() < 1e-3, "training went on after the skipped step: last loss " + r.lastLoss());
    }

    @Test
    void aRunThatKeepsProducingNonFiniteLossesStops() {
        boolean[] finite = new boolean[1];
        // 2 % of 100 steps may be skipped; the third stops the run
        var e = assertThrows(IllegalStateException.class, () -> fit(100, Set.of(40, 41, 42), finite));
        assertTrue(e.getMessage().contains("at step 42") && e.getMessage().contains("3 steps"), e.getMessage());
    }

    @Test
    void aFiniteRunSkipsNothing() {
        boolean[] finite = new boolean[1];
        assertEquals(0, fit(50, Set.of(), finite).skippedSteps());
    }
}
