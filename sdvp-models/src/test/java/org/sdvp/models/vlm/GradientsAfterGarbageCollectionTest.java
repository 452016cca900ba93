package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.models.ToyWorld;
import org.sdvp.models.train.SubTaskSet;

/**
 * Why a resumed pretraining could end with other weights than an uninterrupted one: a tensor that autograd
 * saves for the backward pass must be PyTorch-owned. DJL makes the scalar of {@code x.mul(5f)} or
 * {@code x.maximum(1e-7f)} over a Java direct buffer ({@code from_blob}) and drops its last reference right
 * after the op; if the garbage collector frees that buffer before the backward pass, the backward pass reads
 * freed memory. Whether a collection falls between a step's forward and backward pass depends on the heap's
 * history, which differs between a fresh and a resumed process, so the same step got another gradient in one
 * of them (the kill campaign of 2026-12-07: kills 4 and 6 of 12). Here a collection is forced into that
 * window, and every gradient of a pretraining step, the grounding map's included, must be the one computed
 * without it, bit for bit.
 */
class GradientsAfterGarbageCollectionTest {
    private static final SubTaskSet DATA = ToyWorld.data(24, 3);
    private static final VlmTrainConfig CONFIG = VlmTrainConfig.defaults(4, 11).withBatches(8, 8, 2);

    @Test
    void aGarbageCollectionBetweenForwardAndBackwardChangesNoGradient() throws Exception {
        Map<String, float[]> quiet = gradients(false);
        Map<String, float[]> collected = gradients(true);
        assertEquals(quiet.keySet(), collected.keySet());
        List<String> differing = new ArrayList<>();
        for (String name : quiet.keySet()) {
            if (!Arrays.equals(quiet.get(name), collected.get(name))) differing.add(name);
        }
        assertTrue(differing.isEmpty(), "gradients changed by a garbage collection before backward: " + differing);
        assertTrue(quiet.size() > 10, "the step reached " + quiet.size() + " parameters");
    }

    /** One pretraining step's gradients (VQA, MATCH and grounding losses, and the grounding map). */
    private static Map<String, float[]> gradients(boolean collectBeforeBackward) throws InterruptedException {
        try (VlmModel vlm = TinyVlm.create(DATA, 5);
                Trainer trainer = vlm.model()
                        .newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optDevices(new Device[] {Device.cpu()}))) {
            trainer.initialize(vlm.block().inputShapes(vlm.words().size()));
            VlmTrainer vt = new VlmTrainer(vlm, CONFIG);
            try (NDManager m = trainer.getManager().newSubManager();
                    GradientCollector gc = trainer.newGradientCollector()) {
                ParameterStore ps = new ParameterStore(m, false);
                List<NDArray> losses = new ArrayList<>();
                losses.addAll(vt.vqaLosses(m, ps, DATA.vqa().subList(0, 8)));
                losses.addAll(vt.matchLosses(m, ps, DATA.match().subList(0, 8)));
                losses.add(vt.locLoss(m, ps, DATA.loc().subList(0, 2), vlm.grid()));
                // the grounding map distillation trains on (logit of σ(objectness)·σ(match))
                losses.add(vlm.block()
                        .loc(
                                ps,
                                vlm.fullImages(
                                        m,
                                        DATA.loc().subList(0, 2).stream()
                                                .map(e -> e.image())
                                                .toList()),
                                vlm.texts(
                                        m,
                                        DATA.loc().subList(0, 2).stream()
                                                .map(e -> e.phrase())
                                                .toList()),
                                true)
                        .mean());
                if (collectBeforeBackward) freeUnreachableDirectBuffers();
                for (NDArray l : losses) gc.backward(l);
            }
            Map<String, float[]> out = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : vlm.block().getParameters()) {
                NDArray a = p.getValue().getArray();
                if (a.hasGradient()) out.put(p.getKey(), a.getGradient().toFloatArray());
            }
            return out;
        }
    }

    /**
     * Collects garbage until the direct buffers of dropped arrays are freed, then hands out small direct buffers
     * holding another value, as a busy process would, so memory that was freed does not keep its old contents.
     */
    private static void freeUnreachableDirectBuffers() throws InterruptedException {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct"))
                .findFirst()
                .orElseThrow();
        long before;
        int rounds = 0;
        do {
            before = direct.getCount();
            System.gc();
            Thread.sleep(50);
        } while (direct.getCount() < before && ++rounds < 20);
        List<ByteBuffer> reuse = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            reuse.add(
                    ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1234.5f));
        }
        assertTrue(reuse.size() == 10_000);
    }
}
