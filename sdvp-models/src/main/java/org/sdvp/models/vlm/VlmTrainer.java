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
import ai.djl.training.tracker.Tracker;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.ProgressBars;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.nn.Tensors;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.Losses;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.ResumableTraining;
import org.sdvp.models.train.SavableAdam;
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

    /**
     * Adam's second-moment decay. The default 0.999 averages squared gradients over ~1,000 steps: a weight
     * whose gradient was small for long and then jumps gets an update up to 1/sqrt(1 - 0.999) ≈ 32 times
     * the learning rate, whatever the gradient clipping (Adam divides the scale out). That is the loss-spike
     * mechanism the default pretraining showed; 0.99 caps the ratio at 10 and tracks the scale faster.
     */
    public static final float ADAM_BETA2 = 0.99f;

    /** Runs the configured steps; {@code progress} gets a progress bar (null for none). */
    public StepLoop.Result train(SubTaskSet data, PrintStream progress) {
        try {
            return train(data, progress, null);
        } catch (DataException | IOException e) {
            throw new IllegalStateException("unreachable without a saved state", e);
        }
    }

    /**
     * {@link #train(SubTaskSet, PrintStream)} that saves its state through {@code resume} (null for none) and
     * continues from the newest saved state; the weights are bit-identical to an uninterrupted run's.
     *
     * @throws DataException when the saved state belongs to another run or cannot be read
     * @throws IOException when a state cannot be written (the previous one stays intact)
     */
    public StepLoop.Result train(SubTaskSet data, PrintStream progress, ResumableTraining resume)
            throws DataException, IOException {
        VlmTrainConfig c = config;
        int vqaN = data.vqa().isEmpty() ? 0 : c.vqaBatch();
        int matchN = data.match().isEmpty() ? 0 : c.matchBatch();
        int locN = data.loc().isEmpty() ? 0 : c.locBatch();
        if (vqaN + matchN + locN == 0)
            throw new IllegalArgumentException("no training examples for the configured batches");
        // DJL's Adam rule (the shipped students were trained with it), with state that can be saved
        SavableAdam adam = SavableAdam.likeDjl(model.block(), schedule(c), 0.9f, ADAM_BETA2, 5f);
        DefaultTrainingConfig tc =
                new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam).optDevices(new Device[] {Device.cpu()});
        // one generator per sub-task, split from the seed, so that changing one batch size leaves the
        // other sub-tasks' draws unchanged
        SplittableRandom root = new SplittableRandom(c.seed());
        SplittableRandom rVqa = root.split(), rMatch = root.split(), rLoc = root.split();
        GridBoxes grid = model.grid();
        int first = resume == null
                ? 0
                : resume.restoreParameters(model.block(), model.model().getNDManager());
        if (first > 0 && progress != null) progress.println(resume.resuming(first, c.steps()));
        try (Trainer trainer = model.model().newTrainer(tc)) {
            trainer.initialize(model.block().inputShapes(model.words().size()));
            warmUp(trainer);
            if (resume != null) resume.restoreOptimizer(adam, model.model().getNDManager());
            // the data position: the draws of the steps already done, made again
            for (int s = 0; s < Math.min(first, c.steps()); s++) {
                if (vqaN > 0) draw(data.vqa(), vqaN, rVqa);
                if (matchN > 0) draw(data.match(), matchN, rMatch);
                if (locN > 0) draw(data.loc(), locN, rLoc);
            }
            if (first >= c.steps()) return resume.savedResult();
            StepLoop loop = new StepLoop(trainer, "pretrain", ProgressBars.orNone(progress));
            int window = Math.max(1, c.steps() / 50), perStep = vqaN + matchN + locN;
            StepLoop.Result r = loop.run(
                    first,
                    c.steps(),
                    perStep,
                    window,
                    (m, step, backward) -> {
                        ParameterStore ps = new ParameterStore(m, false);
                        float total = 0;
                        // draws happen in a fixed order whatever the batch composition, so runs are reproducible
                        List<VqaExample> vb = vqaN > 0 ? draw(data.vqa(), vqaN, rVqa) : List.of();
                        List<MatchExample> mb = matchN > 0 ? draw(data.match(), matchN, rMatch) : List.of();
                        List<LocExample> lb = locN > 0 ? draw(data.loc(), locN, rLoc) : List.of();
                        for (NDArray l : vqaLosses(m, ps, vb))
                            total += apply(Tensors.scale(l, c.vqaWeight()), backward);
                        for (NDArray l : matchLosses(m, ps, mb))
                            total += apply(Tensors.scale(l, c.matchWeight()), backward);
                        if (!lb.isEmpty())
                            total += apply(Tensors.scale(locLoss(m, ps, lb, grid), c.locWeight()), backward);
                        return total;
                    },
                    resume == null ? null : resume.afterStep(loop, model.block(), adam, c.steps(), window, perStep));
            return resume == null ? r : resume.combined(r);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * One forward and backward pass per input size, with the gradients then cleared and no update. Measured:
     * without it, the first training run in a process drifted from later identical runs after about ten
     * steps (libtorch picks its CPU kernels on first use of a shape); with it, runs repeat exactly.
     */
    private void warmUp(Trainer trainer) {
        warmUp(model, trainer);
    }

    /** {@link #warmUp(Trainer)} for any trainer of {@code model} (distillation uses it too). */
    public static void warmUp(VlmModel model, Trainer trainer) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            VlmConfig cfg = model.config();
            NDArray text = m.zeros(new Shape(2, model.words().size()));
            try (var gc = trainer.newGradientCollector()) {
                gc.backward(model.block()
                        .vqa(ps, m.zeros(new Shape(2, 3, cfg.cropSize(), cfg.cropSize())), text, true)
                        .sum());
                gc.backward(model.block()
                        .vqa(ps, m.zeros(new Shape(2, 3, cfg.locHeight(), cfg.locWidth())), text, true)
                        .sum());
                gc.backward(model.block()
                        .match(ps, m.zeros(new Shape(2, 3, cfg.cropSize(), cfg.cropSize())), text, true)
                        .sum());
                gc.backward(model.block()
                        .loc(ps, m.zeros(new Shape(2, 3, cfg.locHeight(), cfg.locWidth())), text, true)
                        .sum());
            }
        }
        StepLoop.zeroGradients(trainer);
    }

    private static float apply(NDArray loss, java.util.function.Consumer<NDArray> backward) {
        float v = loss.getFloat();
        backward.accept(loss);
        return v;
    }

    /** One loss term per size group, each already weighted by its share of the batch. */
    List<NDArray> vqaLosses(NDManager m, ParameterStore ps, List<VqaExample> b) {
        List<BufferedImage> imgs = new ArrayList<>();
        for (VqaExample e : b) imgs.add(e.image());
        List<NDArray> out = new ArrayList<>();
        for (List<Integer> idx : grouped(imgs)) {
            boolean whole = model.isWhole(imgs.get(idx.get(0)));
            List<String> qs = new ArrayList<>();
            float[] labels = new float[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                qs.add(b.get(idx.get(k)).question());
                labels[k] = model.answerIndex(b.get(idx.get(k)).answer());
            }
            NDArray logits =
                    model.block().vqa(ps, model.visual(m, VlmModel.pick(imgs, idx), whole), model.texts(m, qs), true);
            out.add(Tensors.scale(Losses.crossEntropy(logits, Tensors.of(m, labels)), idx.size() / (float) b.size()));
        }
        return out;
    }

    List<NDArray> matchLosses(NDManager m, ParameterStore ps, List<MatchExample> b) {
        List<BufferedImage> imgs = new ArrayList<>();
        for (MatchExample e : b) imgs.add(e.image());
        List<NDArray> out = new ArrayList<>();
        for (List<Integer> idx : grouped(imgs)) {
            boolean whole = model.isWhole(imgs.get(idx.get(0)));
            List<String> ts = new ArrayList<>();
            float[] labels = new float[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                ts.add(b.get(idx.get(k)).text());
                labels[k] = b.get(idx.get(k)).matches() ? 1f : 0f;
            }
            NDArray logits =
                    model.block().match(ps, model.visual(m, VlmModel.pick(imgs, idx), whole), model.texts(m, ts), true);
            out.add(Tensors.scale(Losses.bceWithLogits(logits, Tensors.of(m, labels)), idx.size() / (float) b.size()));
        }
        return out;
    }

    /** The non-empty size groups (crops, whole images) of a batch. */
    private List<List<Integer>> grouped(List<BufferedImage> imgs) {
        return model.sizeGroups(imgs).stream().filter(g -> !g.isEmpty()).toList();
    }

    /**
     * The grounding branch's pretraining loss, as open-vocabulary detectors are trained: class-agnostic
     * objectness (BCE, positives weighted) and box L1 over every visible object, and the phrase match (BCE)
     * over the cells holding an object only — 1 where that object fits the phrase. A cell without an object
     * teaches nothing about the phrase; its score is already low through objectness.
     */
    NDArray locLoss(NDManager m, ParameterStore ps, List<LocExample> b, GridBoxes grid) {
        int cells = grid.gridW() * grid.gridH();
        List<BufferedImage> imgs = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        float[] obj = new float[b.size() * cells];
        float[] box = new float[b.size() * 4 * cells];
        float[] fits = new float[b.size() * cells];
        for (int i = 0; i < b.size(); i++) {
            LocExample e = b.get(i);
            imgs.add(e.image());
            phrases.add(e.phrase());
            GridBoxes.Targets t =
                    grid.encode(e.objects(), e.image().getWidth(), e.image().getHeight());
            System.arraycopy(t.objectness(), 0, obj, i * cells, cells);
            System.arraycopy(t.box(), 0, box, i * 4 * cells, 4 * cells);
            for (int c = 0; c < cells; c++) {
                int owner = t.owner()[c];
                if (owner >= 0 && e.boxes().contains(e.objects().get(owner))) fits[i * cells + c] = 1f;
            }
        }
        VlmBlock.Grounding g = model.block().grounding(ps, model.fullImages(m, imgs), model.texts(m, phrases), true);
        return groundingLoss(
                m, g, obj, box, fits, b.size(), cells, config.objectnessPositiveWeight(), config.boxWeight());
    }

    /**
     * The grounding loss over {@code n} images of {@code cells} cells: class-agnostic objectness (BCE, object
     * cells weighted {@code positiveWeight}) and box L1 ({@code boxWeight}) over every object, plus the phrase
     * match (BCE) on the cells that hold an object, 1 where that object fits the phrase ({@code fits}).
     */
    public static NDArray groundingLoss(
            NDManager m,
            VlmBlock.Grounding g,
            float[] obj,
            float[] box,
            float[] fits,
            int n,
            int cells,
            float positiveWeight,
            float boxWeight) {
        NDArray objT = Tensors.of(m, obj, new Shape(n, cells));
        NDArray matchLoss = Losses.bceWithLogits(g.match(), Tensors.of(m, fits, new Shape(n, cells)), objT);
        return objectnessAndBoxLoss(m, g.objectness(), g.box(), objT, box, n, cells, positiveWeight, boxWeight)
                .add(matchLoss);
    }

    /** Objectness BCE (positives weighted) + L1 on the boxes of cells holding an object. */
    public static NDArray gridLoss(
            NDManager m,
            NDArray map,
            float[] obj,
            float[] box,
            int n,
            int cells,
            float positiveWeight,
            float boxWeight) {
        return objectnessAndBoxLoss(
                m,
                map.get(new NDIndex(":, 0, :")),
                map.get(new NDIndex(":, 1:5, :")),
                Tensors.of(m, obj, new Shape(n, cells)),
                box,
                n,
                cells,
                positiveWeight,
                boxWeight);
    }

    /**
     * Objectness BCE of {@code logits (n, cells)} against {@code objT} (cells holding an object weighted
     * {@code positiveWeight}) + {@code boxWeight} · L1 of the box code {@code boxRaw (n, 4, cells)} (through a
     * sigmoid) on those cells.
     */
    private static NDArray objectnessAndBoxLoss(
            NDManager m,
            NDArray logits,
            NDArray boxRaw,
            NDArray objT,
            float[] box,
            int n,
            int cells,
            float positiveWeight,
            float boxWeight) {
        NDArray objLoss =
                Losses.bceWithLogits(logits, objT, objT.mul(positiveWeight - 1f).add(1f));
        NDArray mask = objT.reshape(n, 1, cells).broadcast(new Shape(n, 4, cells));
        NDArray boxLoss = Losses.maskedL1(Activation.sigmoid(boxRaw), Tensors.of(m, box, new Shape(n, 4, cells)), mask);
        return objLoss.add(Tensors.scale(boxLoss, boxWeight));
    }

    static Tracker schedule(VlmTrainConfig c) {
        return StepLoop.cosineWithWarmup(c.learningRate(), c.finalLearningRateFraction(), c.steps(), c.warmupSteps());
    }

    static <T> List<T> draw(List<T> from, int n, SplittableRandom rng) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(from.get(rng.nextInt(from.size())));
        return out;
    }
}
