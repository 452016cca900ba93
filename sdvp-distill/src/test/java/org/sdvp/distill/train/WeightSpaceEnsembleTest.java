package org.sdvp.distill.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeightSpaceEnsembleTest {

    private static Block linear(NDManager m) {
        Block b = Linear.builder().setUnits(3).build();
        b.initialize(m, DataType.FLOAT32, new Shape(1, 2));
        return b;
    }

    private static float[] weights(Block b) {
        return b.getParameters().get("weight").getArray().toFloatArray();
    }

    /** Stands in for training: every weight moves by +1. */
    private static void train(Block b) {
        b.getParameters().forEach(p -> p.getValue().getArray().addi(1f));
    }

    private static float[] plus(float[] a, float d) {
        float[] out = a.clone();
        for (int i = 0; i < out.length; i++) out[i] += d;
        return out;
    }

    /** 0 restores θ_prev, 1 keeps θ_distilled, anything between lies on the line joining them. */
    @ParameterizedTest
    @ValueSource(floats = {0f, 0.25f, 0.7f, 1f})
    void mixLiesOnTheLineBetweenTheStartAndTheTrainedWeights(float mix) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = linear(m);
            float[] start = weights(b);
            WeightSpaceEnsemble snapshot = WeightSpaceEnsemble.snapshot(b);
            train(b);
            snapshot.mixInto(b, mix);
            assertArrayEquals(plus(start, mix), weights(b), 1e-6f);
        }
    }

    /**
     * PyTorch's grad mode is per thread and on in any thread but the one where DJL's engine turned it off, so an
     * experiment's stage thread ({@code sdvp-stage}) trains and then mixes with it on. The in-place mix of a
     * trained parameter (a leaf that requires grad) then failed: "a leaf Variable that requires grad is being used
     * in an in-place operation" (the quick experiment's first stage, after its 150 steps).
     */
    @Test
    void mixingWorksInAThreadWhoseGradModeIsOn() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<float[]> result = new AtomicReference<>();
        AtomicReference<float[]> expected = new AtomicReference<>();
        Thread stage = new Thread(() -> {
            try (NDManager m = NDManager.newBaseManager()) {
                Block b = linear(m);
                try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    // a training step's collector: what it leaves behind is the thread's own mode (on)
                }
                assertTrue(JniUtils.isGradMode(), "a new thread's grad mode is PyTorch's default (on)");
                float[] start = weights(b);
                // the snapshot is the start itself, so the mix must give the start back
                WeightSpaceEnsemble snapshot = WeightSpaceEnsemble.snapshot(b);
                snapshot.mixInto(b, 0.6f);
                expected.set(start);
                result.set(weights(b));
                assertTrue(JniUtils.isGradMode(), "the thread's grad mode is left as it was");
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        stage.start();
        stage.join();
        if (failure.get() != null) throw new AssertionError(failure.get());
        assertArrayEquals(expected.get(), result.get(), 1e-6f);
    }

    @Test
    void aMixOutsideTheUnitIntervalOrAnotherNetworkIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = linear(m);
            WeightSpaceEnsemble snapshot = WeightSpaceEnsemble.snapshot(b);
            assertThrows(IllegalArgumentException.class, () -> snapshot.mixInto(b, 1.5f));
            Block wider = Linear.builder().setUnits(4).build();
            wider.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            assertThrows(IllegalStateException.class, () -> snapshot.mixInto(wider, 0.5f));
        }
    }
}
