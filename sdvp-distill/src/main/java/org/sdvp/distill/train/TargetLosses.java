package org.sdvp.distill.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.distill.label.DistillTarget;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.nn.Tensors;
import org.sdvp.models.train.Losses;
import org.sdvp.models.vlm.VlmBlock;
import org.sdvp.models.vlm.VlmModel;
import org.sdvp.models.vlm.VlmTrainConfig;
import org.sdvp.models.vlm.VlmTrainer;

/**
 * The loss terms of one batch of targets. Pseudo-labels get the stepwise distillation loss (tempered KL
 * plus hard CE); replay targets get the self-distillation KL to the previous student at τ = 1. Every term
 * is computed per size group (crops and whole images go through the network separately, see
 * {@link VlmModel#sizeGroups}) and weighted by its share of the batch, so the terms add up to the batch mean.
 */
final class TargetLosses {
    /** LOC terms reuse pretraining's box weight (and, on replay, its objectness weighting), so one unit of loss means the same. */
    private static final VlmTrainConfig PRETRAIN = VlmTrainConfig.defaults(1, 0);

    private final VlmModel model;
    private final float tau;
    private final float klWeight;
    private final float ceWeight;
    private final float locPositiveWeight;
    private final boolean locObjects;

    /** Pseudo-label losses: {@code klWeight · τ² · KL + ceWeight · CE}. */
    static TargetLosses pseudoLabels(VlmModel model, DistillConfig c) {
        return new TargetLosses(model, c.tau(), c.klWeight(), c.ceWeight(), c.locPositiveWeight(), c.locObjects());
    }

    /** Replay (self-distillation) losses: KL to the previous student's outputs at τ = 1, no hard term. */
    static TargetLosses replay(VlmModel model) {
        return new TargetLosses(model, 1f, 1f, 0f, PRETRAIN.objectnessPositiveWeight(), false);
    }

    private TargetLosses(
            VlmModel model, float tau, float klWeight, float ceWeight, float locPositiveWeight, boolean locObjects) {
        this.model = model;
        this.tau = tau;
        this.klWeight = klWeight;
        this.ceWeight = ceWeight;
        this.locPositiveWeight = locPositiveWeight;
        this.locObjects = locObjects;
    }

    List<NDArray> vqa(NDManager m, ParameterStore ps, List<DistillTarget.Vqa> batch) {
        List<NDArray> out = new ArrayList<>();
        for (List<Integer> idx : groups(images(batch))) {
            int k = model.answers().size();
            float[] soft = new float[idx.size() * k];
            float[] hard = new float[idx.size()];
            List<String> texts = new ArrayList<>();
            for (int j = 0; j < idx.size(); j++) {
                DistillTarget.Vqa t = batch.get(idx.get(j));
                float[] q = tempered(t.probs(), tau);
                System.arraycopy(q, 0, soft, j * k, k);
                hard[j] = t.argmax();
                texts.add(t.text());
            }
            boolean whole = model.isWhole(batch.get(idx.get(0)).image());
            NDArray logits = model.block()
                    .vqa(ps, model.visual(m, VlmModel.pick(images(batch), idx), whole), model.texts(m, texts), true);
            NDArray loss =
                    Tensors.scale(Losses.kl(logits, Tensors.of(m, soft, new Shape(idx.size(), k)), tau), klWeight);
            if (ceWeight > 0)
                loss = loss.add(Tensors.scale(Losses.crossEntropy(logits, Tensors.of(m, hard)), ceWeight));
            out.add(Tensors.scale(loss, idx.size() / (float) batch.size()));
        }
        return out;
    }

    List<NDArray> match(NDManager m, ParameterStore ps, List<DistillTarget.Match> batch) {
        List<NDArray> out = new ArrayList<>();
        for (List<Integer> idx : groups(images(batch))) {
            float[] soft = new float[idx.size()];
            float[] hard = new float[idx.size()];
            List<String> texts = new ArrayList<>();
            for (int j = 0; j < idx.size(); j++) {
                DistillTarget.Match t = batch.get(idx.get(j));
                soft[j] = temperedBinary(t.probability(), tau);
                hard[j] = t.probability() >= 0.5f ? 1f : 0f;
                texts.add(t.text());
            }
            boolean whole = model.isWhole(batch.get(idx.get(0)).image());
            NDArray logits = model.block()
                    .match(ps, model.visual(m, VlmModel.pick(images(batch), idx), whole), model.texts(m, texts), true);
            // binary KL to the tempered target = BCE against it minus the target's entropy (a constant)
            NDArray loss = Tensors.scale(
                    Losses.bceWithLogits(Tensors.scale(logits, 1f / tau), Tensors.of(m, soft)), tau * tau * klWeight);
            if (ceWeight > 0)
                loss = loss.add(Tensors.scale(Losses.bceWithLogits(logits, Tensors.of(m, hard)), ceWeight));
            out.add(Tensors.scale(loss, idx.size() / (float) batch.size()));
        }
        return out;
    }

    /**
     * The LOC term. With {@code locObjects} and targets that carry the image's objects, objectness and box
     * are trained on every object and the phrase match on the object cells, apart, as in pretraining
     * ({@link #objectsLoss}); otherwise the combined score is trained against the phrase's boxes
     * ({@link #combinedLoss}). A batch mixing both kinds is split and weighted by its shares.
     */
    NDArray loc(NDManager m, ParameterStore ps, List<DistillTarget.Loc> batch) {
        List<DistillTarget.Loc> apart = new ArrayList<>(), combined = new ArrayList<>();
        for (DistillTarget.Loc t : batch) (locObjects && t.objects() != null ? apart : combined).add(t);
        if (combined.isEmpty()) return objectsLoss(m, ps, apart);
        if (apart.isEmpty()) return combinedLoss(m, ps, combined);
        float share = (float) apart.size() / batch.size();
        return Tensors.scale(objectsLoss(m, ps, apart), share)
                .add(Tensors.scale(combinedLoss(m, ps, combined), 1 - share));
    }

    /**
     * Objectness BCE + box L1 against the target's grid code; soft objectness (a previous student's) weighs
     * each cell's box term by how sure that student was.
     */
    private NDArray combinedLoss(NDManager m, ParameterStore ps, List<DistillTarget.Loc> batch) {
        int cells = cells(batch);
        float[] obj = new float[batch.size() * cells];
        float[] box = new float[batch.size() * 4 * cells];
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            DistillTarget.Loc t = batch.get(i);
            System.arraycopy(t.objectness(), 0, obj, i * cells, cells);
            System.arraycopy(t.box(), 0, box, i * 4 * cells, 4 * cells);
            texts.add(t.text());
        }
        NDArray map = model.block()
                .loc(ps, model.fullImages(m, images(batch)), model.texts(m, texts), true)
                .reshape(batch.size(), GridBoxes.CHANNELS, cells);
        return VlmTrainer.gridLoss(m, map, obj, box, batch.size(), cells, locPositiveWeight, PRETRAIN.boxWeight());
    }

    /**
     * Pretraining's grounding loss on the teacher's view of the image: class-agnostic objectness (BCE,
     * positives weighted) and box L1 over every object it found, plus the phrase-match BCE on the cells that
     * hold an object, 1 where that object fits the phrase. The combined score's negatives otherwise also push
     * down the objectness of every object the phrase does not name.
     */
    private NDArray objectsLoss(NDManager m, ParameterStore ps, List<DistillTarget.Loc> batch) {
        int cells = cells(batch);
        float[] obj = new float[batch.size() * cells];
        float[] box = new float[batch.size() * 4 * cells];
        float[] fits = new float[batch.size() * cells];
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            DistillTarget.ImageObjects o = batch.get(i).objects();
            System.arraycopy(o.objectness(), 0, obj, i * cells, cells);
            System.arraycopy(o.box(), 0, box, i * 4 * cells, 4 * cells);
            System.arraycopy(o.fits(), 0, fits, i * cells, cells);
            texts.add(batch.get(i).text());
        }
        VlmBlock.Grounding g =
                model.block().grounding(ps, model.fullImages(m, images(batch)), model.texts(m, texts), true);
        return VlmTrainer.groundingLoss(
                m, g, obj, box, fits, batch.size(), cells, locPositiveWeight, PRETRAIN.boxWeight());
    }

    private int cells(List<DistillTarget.Loc> batch) {
        int cells = model.grid().gridW() * model.grid().gridH();
        for (DistillTarget.Loc t : batch) {
            if (t.objectness().length != cells) {
                throw new IllegalArgumentException(
                        "LOC target has " + t.objectness().length + " cells, the student " + cells);
            }
        }
        return cells;
    }

    /** {@code p^(1/τ)} renormalised: the teacher's distribution at temperature τ (clipped away from 0). */
    static float[] tempered(float[] p, float tau) {
        float[] q = new float[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            q[i] = (float) Math.pow(Math.max(p[i], Losses.TARGET_FLOOR), 1.0 / tau);
            sum += q[i];
        }
        for (int i = 0; i < q.length; i++) q[i] /= (float) sum;
        return q;
    }

    /** A probability at temperature τ: {@code sigmoid(logit(p) / τ)}. */
    static float temperedBinary(float p, float tau) {
        double c = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return (float) (1 / (1 + Math.exp(-Math.log(c / (1 - c)) / tau)));
    }

    private List<List<Integer>> groups(List<BufferedImage> imgs) {
        return model.sizeGroups(imgs).stream().filter(g -> !g.isEmpty()).toList();
    }

    private static List<BufferedImage> images(List<? extends DistillTarget> batch) {
        List<BufferedImage> out = new ArrayList<>(batch.size());
        for (DistillTarget t : batch) out.add(t.image());
        return out;
    }
}
