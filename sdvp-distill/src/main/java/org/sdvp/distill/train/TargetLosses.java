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
import org.sdvp.models.vlm.VlmModel;
import org.sdvp.models.vlm.VlmTrainConfig;

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

    /** Pseudo-label losses: {@code klWeight · τ² · KL + ceWeight · CE}. */
    static TargetLosses pseudoLabels(VlmModel model, DistillConfig c) {
        return new TargetLosses(model, c.tau(), c.klWeight(), c.ceWeight(), c.locPositiveWeight());
    }

    /** Replay (self-distillation) losses: KL to the previous student's outputs at τ = 1, no hard term. */
    static TargetLosses replay(VlmModel model) {
        return new TargetLosses(model, 1f, 1f, 0f, PRETRAIN.objectnessPositiveWeight());
    }

    private TargetLosses(VlmModel model, float tau, float klWeight, float ceWeight, float locPositiveWeight) {
        this.model = model;
        this.tau = tau;
        this.klWeight = klWeight;
        this.ceWeight = ceWeight;
        this.locPositiveWeight = locPositiveWeight;
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
     * Objectness BCE + box L1 against the target's grid code; soft objectness (a previous student's) weighs
     * each cell's box term by how sure that student was.
     */
    NDArray loc(NDManager m, ParameterStore ps, List<DistillTarget.Loc> batch) {
        GridBoxes grid = model.grid();
        int cells = grid.gridW() * grid.gridH();
        float[] obj = new float[batch.size() * cells];
        float[] box = new float[batch.size() * 4 * cells];
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            DistillTarget.Loc t = batch.get(i);
            if (t.objectness().length != cells) {
                throw new IllegalArgumentException(
                        "LOC target has " + t.objectness().length + " cells, the student " + cells);
            }
            System.arraycopy(t.objectness(), 0, obj, i * cells, cells);
            System.arraycopy(t.box(), 0, box, i * 4 * cells, 4 * cells);
            texts.add(t.text());
        }
        NDArray map = model.block()
                .loc(ps, model.fullImages(m, images(batch)), model.texts(m, texts), true)
                .reshape(batch.size(), GridBoxes.CHANNELS, cells);
        return org.sdvp.models.vlm.VlmTrainer.gridLoss(
                m, map, obj, box, batch.size(), cells, locPositiveWeight, PRETRAIN.boxWeight());
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
