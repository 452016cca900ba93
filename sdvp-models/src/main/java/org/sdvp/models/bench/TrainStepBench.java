package org.sdvp.models.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.nn.Tensors;
import org.sdvp.models.text.Vocabulary;
import org.sdvp.models.train.DjlSetup;
import org.sdvp.models.train.Losses;
import org.sdvp.models.train.StepLoop;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.models.vlm.VlmConfig;
import org.sdvp.models.vlm.VlmModel;
import org.sdvp.models.vlm.VlmTrainer;

/**
 * The student's training step on random inputs, for comparing DJL with PyTorch on the same network
 * ({@code bench/pytorch_step.py} builds the same {@code VlmBlock} and step): the default preset's batch
 * composition — VQA 21 crops (64×64) + 11 whole images (96×96), MATCH 24 crops, LOC 12 whole images — with
 * one backward pass per loss term, global gradient-norm clipping, Adam (β2 0.99, element-wise clipping)
 * and zeroed gradients, inside {@link StepLoop} as in real training. Inputs are built from Java arrays each
 * step (as training does after its image preparation, which is left out on both sides).
 * <pre>java -Dai.djl.pytorch.num_threads=1 -cp ... org.sdvp.models.bench.TrainStepBench [steps] [rounds]</pre>
 * Prints the median milliseconds per step over {@code rounds} rounds (after a warm-up round), wall-clock
 * and CPU of the training thread.
 */
public final class TrainStepBench {
    /** Batch composition of the default preset (32 VQA of which about a third whole images, 24 MATCH, 12 LOC). */
    public static final int VQA_CROPS = 21, VQA_WHOLE = 11, MATCH = 24, LOC = 12;
    /** Words per text: the world's questions and phrases are this short. */
    static final int WORDS_PER_TEXT = 6;

    private TrainStepBench() {}

    public static void main(String[] args) {
        DjlSetup.configure();
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int words = args.length > 2 ? Integer.parseInt(args[2]) : 353;
        List<String> tokens = new ArrayList<>();
        tokens.add(Vocabulary.UNKNOWN);
        for (int i = 1; i < words; i++) tokens.add("w" + i);
        VlmConfig cfg = VlmConfig.defaults();
        try (VlmModel vlm = VlmModel.create(cfg, new Vocabulary(tokens), Pretrainer.answerVocabulary(), 1)) {
            int v = vlm.words().size(), answers = vlm.answers().size();
            System.out.printf(
                    Locale.ROOT,
                    "DJL/libtorch, threads=%d, parameters=%d, vocabulary=%d, answers=%d, "
                            + "step = VQA %d crops + %d whole, MATCH %d, LOC %d%n",
                    DjlSetup.threads(),
                    vlm.parameterCount(),
                    v,
                    answers,
                    VQA_CROPS,
                    VQA_WHOLE,
                    MATCH,
                    LOC);
            SplittableRandom rng = new SplittableRandom(1);
            int crop = cfg.cropSize(), w = cfg.locWidth(), h = cfg.locHeight();
            int cells = cfg.gridWidth() * cfg.gridHeight();
            float[] vqaCrops = normal(rng, VQA_CROPS * 3 * crop * crop), vqaWhole = normal(rng, VQA_WHOLE * 3 * w * h);
            float[] matchCrops = normal(rng, MATCH * 3 * crop * crop), locImages = normal(rng, LOC * 3 * w * h);
            float[] tVqaC = bags(rng, VQA_CROPS, v),
                    tVqaW = bags(rng, VQA_WHOLE, v),
                    tMatch = bags(rng, MATCH, v),
                    tLoc = bags(rng, LOC, v);
            float[] yVqaC = labels(rng, VQA_CROPS, answers),
                    yVqaW = labels(rng, VQA_WHOLE, answers),
                    yMatch = labels(rng, MATCH, 2);
            float[] obj = new float[LOC * cells], box = new float[LOC * 4 * cells];
            for (int i = 0; i < obj.length; i++) obj[i] = rng.nextInt(12) == 0 ? 1 : 0;
            for (int i = 0; i < box.length; i++) box[i] = (float) rng.nextDouble();
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Adam.builder()
                            .optLearningRateTracker(Tracker.fixed(1e-3f))
                            .optBeta2(0.99f)
                            .optClipGrad(5f)
                            .build())
                    .optDevices(new Device[] {Device.cpu()});
            double[] wall = new double[rounds], cpu = new double[rounds];
            try (Trainer trainer = vlm.model().newTrainer(tc)) {
                trainer.initialize(vlm.block().inputShapes(v));
                for (int r = -1; r < rounds; r++) {
                    StepLoop.Result res = new StepLoop(trainer, "bench", null)
                            .run(steps, 1, steps, (m, step, backward) -> {
                                ParameterStore ps = new ParameterStore(m, false);
                                float total = 0;
                                NDArray l = Tensors.scale(
                                        Losses.crossEntropy(
                                                vlm.block()
                                                        .vqa(
                                                                ps,
                                                                Tensors.of(
                                                                        m,
                                                                        vqaCrops,
                                                                        new Shape(VQA_CROPS, 3, crop, crop)),
                                                                Tensors.of(m, tVqaC, new Shape(VQA_CROPS, v)),
                                                                true),
                                                Tensors.of(m, yVqaC)),
                                        VQA_CROPS / 32f);
                                total += l.getFloat();
                                backward.accept(l);
                                l = Tensors.scale(
                                        Losses.crossEntropy(
                                                vlm.block()
                                                        .vqa(
                                                                ps,
                                                                Tensors.of(m, vqaWhole, new Shape(VQA_WHOLE, 3, h, w)),
                                                                Tensors.of(m, tVqaW, new Shape(VQA_WHOLE, v)),
                                                                true),
                                                Tensors.of(m, yVqaW)),
                                        VQA_WHOLE / 32f);
                                total += l.getFloat();
                                backward.accept(l);
                                l = Losses.bceWithLogits(
                                        vlm.block()
                                                .match(
                                                        ps,
                                                        Tensors.of(m, matchCrops, new Shape(MATCH, 3, crop, crop)),
                                                        Tensors.of(m, tMatch, new Shape(MATCH, v)),
                                                        true),
                                        Tensors.of(m, yMatch));
                                total += l.getFloat();
                                backward.accept(l);
                                NDArray map = vlm.block()
                                        .loc(
                                                ps,
                                                Tensors.of(m, locImages, new Shape(LOC, 3, h, w)),
                                                Tensors.of(m, tLoc, new Shape(LOC, v)),
                                                true)
                                        .reshape(LOC, GridBoxes.CHANNELS, cells);
                                l = VlmTrainer.gridLoss(m, map, obj, box, LOC, cells, 4f, 5f);
                                total += l.getFloat();
                                backward.accept(l);
                                return total;
                            });
                    if (r >= 0) {
                        wall[r] = res.seconds() * 1000 / steps;
                        cpu[r] = res.cpuSeconds() * 1000 / steps;
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "DJL step: median %.1f ms wall, %.1f ms CPU (%d rounds of %d steps; " + "rounds: %s ms)%n",
                    ModelsBenchmark.median(wall),
                    ModelsBenchmark.median(cpu),
                    rounds,
                    steps,
                    Arrays.toString(Arrays.stream(wall)
                            .map(x -> Math.round(x * 10) / 10.0)
                            .toArray()));
        }
    }

    private static float[] normal(SplittableRandom rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (rng.nextDouble() * 4 - 2);
        return a;
    }

    /** Bag-of-words rows: {@link #WORDS_PER_TEXT} random words, normalised counts. */
    private static float[] bags(SplittableRandom rng, int n, int v) {
        float[] a = new float[n * v];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < WORDS_PER_TEXT; k++) a[i * v + rng.nextInt(v)] += 1f / WORDS_PER_TEXT;
        }
        return a;
    }

    private static float[] labels(SplittableRandom rng, int n, int classes) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = rng.nextInt(classes);
        return a;
    }
}
