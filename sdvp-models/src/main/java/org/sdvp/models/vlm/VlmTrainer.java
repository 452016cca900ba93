package org.sdvp.models.vlm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.train.Losses;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.StepLoop;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;

/**
 * Trains a {@link VlmModel} on a {@link SubTaskSet} with the multi-task loss of {@link VlmTrainConfig}.
 * With one PyTorch thread, the same model seed, data and config give bit-identical weights.
 */
public final class VlmTrainer {
    private final VlmModel model;
    private final VlmTrainConfig config;

    public VlmTrainer(VlmModel model, VlmTrainConfig config) {
        this.model = model;
        this.config = config;
    }

    /** Runs the configured steps; {@code progress} gets a progress bar (null for none). */
    public StepLoop.Result train(SubTaskSet data, PrintStream progress) {
        VlmTrainConfig c = config;
        int vqaN = data.vqa().isEmpty() ? 0 : c.vqaBatch();
        int matchN = data.match().isEmpty() ? 0 : c.matchBatch();
        int locN = data.loc().isEmpty() ? 0 : c.locBatch();
        if (vqaN + matchN + locN == 0) throw new IllegalArgumentException("no training examples for the configured batches");
        Tracker lr = schedule(c);
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Adam.builder().optLearningRateTracker(lr).optClipGrad(5f).build())
                .optDevices(new Device[] {Device.cpu()});
        // one generator per sub-task, split from the seed, so that changing one batch size leaves the
        // other sub-tasks' draws unchanged
        SplittableRandom root = new SplittableRandom(c.seed());
        SplittableRandom rVqa = root.split(), rMatch = root.split(), rLoc = root.split();
        GridBoxes grid = model.grid();
        try (Trainer trainer = model.model().newTrainer(tc)) {
            trainer.initialize(model.block().inputShapes(model.words().size()));
            StepLoop loop = new StepLoop(trainer, "pretrain", progress);
            return loop.run(c.steps(), vqaN + matchN + locN, Math.max(1, c.steps() / 50), (m, step) -> {
                ParameterStore ps = new ParameterStore(m, false);
                NDArray total = m.zeros(new Shape());
                if (vqaN > 0) {
                    List<VqaExample> b = draw(data.vqa(), vqaN, rVqa);
                    total = total.add(vqaLoss(m, ps, b).mul(c.vqaWeight()));
                }
                if (matchN > 0) {
                    List<MatchExample> b = draw(data.match(), matchN, rMatch);
                    total = total.add(matchLoss(m, ps, b).mul(c.matchWeight()));
                }
                if (locN > 0) {
                    List<LocExample> b = draw(data.loc(), locN, rLoc);
                    total = total.add(locLoss(m, ps, b, grid).mul(c.locWeight()));
                }
                return total;
            });
        }
    }

    NDArray vqaLoss(NDManager m, ParameterStore ps, List<VqaExample> b) {
        List<BufferedImage> imgs = new ArrayList<>();
        List<String> qs = new ArrayList<>();
        float[] labels = new float[b.size()];
        for (int i = 0; i < b.size(); i++) {
            imgs.add(b.get(i).image());
            qs.add(b.get(i).question());
            labels[i] = model.answerIndex(b.get(i).answer());
        }
        NDArray logits = model.block().vqa(ps, model.crops(m, imgs), model.texts(m, qs), true);
        return Losses.crossEntropy(logits, m.create(labels));
    }

    NDArray matchLoss(NDManager m, ParameterStore ps, List<MatchExample> b) {
        List<BufferedImage> imgs = new ArrayList<>();
        List<String> ts = new ArrayList<>();
        float[] labels = new float[b.size()];
        for (int i = 0; i < b.size(); i++) {
            imgs.add(b.get(i).image());
            ts.add(b.get(i).text());
            labels[i] = b.get(i).matches() ? 1f : 0f;
        }
        NDArray logits = model.block().match(ps, model.crops(m, imgs), model.texts(m, ts), true);
        return Losses.bceWithLogits(logits, m.create(labels));
    }

    NDArray locLoss(NDManager m, ParameterStore ps, List<LocExample> b, GridBoxes grid) {
        int cells = grid.gridW() * grid.gridH();
        List<BufferedImage> imgs = new ArrayList<>();
        List<String> ps2 = new ArrayList<>();
        float[] obj = new float[b.size() * cells];
        float[] box = new float[b.size() * 4 * cells];
        for (int i = 0; i < b.size(); i++) {
            LocExample e = b.get(i);
            imgs.add(e.image());
            ps2.add(e.phrase());
            GridBoxes.Targets t = grid.encode(e.boxes(), e.image().getWidth(), e.image().getHeight());
            System.arraycopy(t.objectness(), 0, obj, i * cells, cells);
            System.arraycopy(t.box(), 0, box, i * 4 * cells, 4 * cells);
        }
        NDArray map = model.block().loc(ps, model.fullImages(m, imgs), model.texts(m, ps2), true)
                .reshape(b.size(), GridBoxes.CHANNELS, cells);
        return gridLoss(m, map, obj, box, b.size(), cells, config.objectnessPositiveWeight(), config.boxWeight());
    }

    /** Objectness BCE (positives weighted) + L1 on the boxes of cells holding an object. */
    public static NDArray gridLoss(NDManager m, NDArray map, float[] obj, float[] box, int n, int cells,
                                   float positiveWeight, float boxWeight) {
        NDArray objT = m.create(obj, new Shape(n, cells));
        NDArray weights = objT.mul(positiveWeight - 1f).add(1f);
        NDArray objLoss = Losses.bceWithLogits(map.get(new NDIndex(":, 0, :")), objT, weights);
        NDArray boxPred = Activation.sigmoid(map.get(new NDIndex(":, 1:5, :")));
        NDArray mask = objT.reshape(n, 1, cells).broadcast(new Shape(n, 4, cells));
        NDArray boxLoss = Losses.maskedL1(boxPred, m.create(box, new Shape(n, 4, cells)), mask);
        return objLoss.add(boxLoss.mul(boxWeight));
    }

    static Tracker schedule(VlmTrainConfig c) {
        Tracker cosine = Tracker.cosine().setBaseValue(c.learningRate())
                .optFinalValue(c.learningRate() * c.finalLearningRateFraction())
                .setMaxUpdates(Math.max(1, c.steps())).build();
        if (c.warmupSteps() <= 0) return cosine;
        return Tracker.warmUp().setMainTracker(cosine).optWarmUpSteps(c.warmupSteps())
                .optWarmUpBeginValue(c.learningRate() * 0.05f).build();
    }

    static <T> List<T> draw(List<T> from, int n, SplittableRandom rng) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(from.get(rng.nextInt(from.size())));
        return out;
    }
}
