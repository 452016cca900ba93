package org.sdvp.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SavableAdamTest {
    private static Tracker schedule() {
        return StepLoop.cosineWithWarmup(5e-2f, 0.05f, 30, 5);
    }

    /**
     * The pretrainer and the teachers moved from DJL's Adam to {@code likeDjl} (savable state): the weights
     * must not change, or the shipped checkpoints could no longer be reproduced. Large inputs make the
     * element-wise gradient clip bite.
     */
    @Test
    void likeDjlGivesDjlAdamsWeightsBitForBit() {
        float[] djl = train(b -> Adam.builder()
                .optLearningRateTracker(schedule())
                .optBeta2(0.99f)
                .optClipGrad(5f)
                .build());
        float[] savable = train(b -> SavableAdam.likeDjl(b, schedule(), 0.9f, 0.99f, 5f));
        assertArrayEquals(djl, savable, 0f);
        float[] textbook = train(b -> new SavableAdam(b, schedule(), 0.9f, 0.99f, 1e-8f));
        assertFalse(java.util.Arrays.equals(djl, textbook), "the test must be able to tell two rules apart");
    }

    private static float[] train(Function<Block, Optimizer> optimizer) {
        DjlSetup.seed(5);
        try (Model model = Model.newInstance("adam-test")) {
            SequentialBlock block = new SequentialBlock()
                    .add(Linear.builder().setUnits(16).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(3).build());
            model.setBlock(block);
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(optimizer.apply(block))
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(8, 5));
                for (int step = 0; step < 30; step++) {
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDArray x =
                                m.arange(40f).reshape(8, 5).mul(step % 3 + 1).sub(20f);
                        NDArray y = m.arange(24f).reshape(8, 3).mul(3f);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray out = trainer.forward(new ai.djl.ndarray.NDList(x))
                                    .singletonOrThrow();
                            gc.backward(trainer.getLoss()
                                    .evaluate(new ai.djl.ndarray.NDList(y), new ai.djl.ndarray.NDList(out)));
                        }
                        trainer.step();
                    }
                }
            }
            return block.getParameters().values().stream()
                    .map(p -> p.getArray().toFloatArray())
                    .reduce(new float[0], SavableAdamTest::concat);
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
