package org.sdvp.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class LossesTest {
    @Test
    void klIsZeroForIdenticalDistributionsAndFiniteForHardZeros() {
        DjlSetup.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {2f, 0f, -1f}, new Shape(1, 3));
            NDArray same = logits.softmax(1);
            assertEquals(0f, Losses.kl(logits, same, 1f).getFloat(), 1e-5f);
            // an adapter target with exact zeros: clipped, so no log(0) and a finite, positive value
            NDArray hard = m.create(new float[] {0f, 1f, 0f}, new Shape(1, 3));
            float kl = Losses.kl(logits, hard, 2f).getFloat();
            assertTrue(Float.isFinite(kl) && kl > 0, "kl=" + kl);
        }
    }

    @Test
    void crossEntropyMatchesTheDefinition() {
        DjlSetup.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {1f, 2f, 3f, 0f, 0f, 0f}, new Shape(2, 3));
            float ce =
                    Losses.crossEntropy(logits, m.create(new float[] {2f, 0f})).getFloat();
            double a = -Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
            double b = -Math.log(1.0 / 3);
            assertEquals((a + b) / 2, ce, 1e-5);
        }
    }

    @Test
    void bceWithLogitsIsStableForLargeLogits() {
        DjlSetup.configure();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {100f, -100f});
            float l =
                    Losses.bceWithLogits(logits, m.create(new float[] {1f, 0f})).getFloat();
            assertEquals(0f, l, 1e-6f);
            float wrong =
                    Losses.bceWithLogits(logits, m.create(new float[] {0f, 1f})).getFloat();
            assertEquals(100f, wrong, 1e-3f);
        }
    }
}
