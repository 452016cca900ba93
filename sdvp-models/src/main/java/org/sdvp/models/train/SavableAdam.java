package org.sdvp.models.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adam whose whole state — both moments of every parameter and the update count — can be written and read
 * back, so an interrupted run resumes exactly (DJL's {@code Adam} keeps its moments private). Two update
 * rules:
 *
 * <ul>
 *   <li>{@link #SavableAdam the constructor}: textbook Adam with bias correction, step-driven learning rate,
 *       no weight decay (distillation);
 *   <li>{@link #likeDjl}: DJL's own {@code Adam} — the same fused engine kernel with the same arguments, so a
 *       run gives bit for bit the weights DJL's optimiser gives (pretraining and teachers, whose shipped
 *       checkpoints were trained with it).
 * </ul>
 *
 * <p>Why not DJL's Adam itself: a resumed run with fresh moments takes different steps from the
 * uninterrupted run, and "a killed run continues and ends with the same result" is a requirement.
 */
public final class SavableAdam extends Optimizer {
    private final Tracker learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    /** DJL's parameter ids are random per instance; moments are kept by the stable parameter names. */
    private final Map<String, String> names = new java.util.HashMap<>();
    /** Moments by parameter name, sorted so the saved order is stable. */
    private final Map<String, NDArray> means = new TreeMap<>();

    private final Map<String, NDArray> variances = new TreeMap<>();
    /**
     * Updates per parameter name. Per parameter rather than one counter because DJL walks the parameters in
     * an order that depends on their random ids, which change between the interrupted and the resumed run.
     */
    private final Map<String, Integer> counts = new TreeMap<>();
    /** DJL's element-wise gradient clip in the fused rule, or NaN for the textbook rule. */
    private final float fusedClip;
    /** DJL's update count: the largest per-parameter count so far (what its {@code updateCount} returns). */
    private int numUpdate;

    /** @param block the network whose parameters it updates (for their names) */
    public SavableAdam(ai.djl.nn.Block block, Tracker learningRate, float beta1, float beta2, float epsilon) {
        this(block, learningRate, beta1, beta2, epsilon, Float.NaN);
    }

    /** @param fusedClip DJL's element-wise gradient clip for the fused rule, or NaN for the textbook rule */
    private SavableAdam(
            ai.djl.nn.Block block, Tracker learningRate, float beta1, float beta2, float epsilon, float fusedClip) {
        super(new Builder());
        for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            names.put(p.getValue().getId(), p.getKey());
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.fusedClip = fusedClip;
    }

    /** DJL's default epsilon for Adam. */
    private static final float DJL_EPSILON = 1e-8f;

    /**
     * DJL's {@code Adam.builder().optLearningRateTracker(lr).optBeta1(beta1).optBeta2(beta2).optClipGrad(clip)}
     * with savable state: the same engine kernel, arguments and update count, hence the same weights.
     */
    public static SavableAdam likeDjl(
            ai.djl.nn.Block block, Tracker learningRate, float beta1, float beta2, float clipGrad) {
        return new SavableAdam(block, learningRate, beta1, beta2, DJL_EPSILON, clipGrad);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        String name = names.get(parameterId);
        if (name == null) throw new IllegalStateException("parameter " + parameterId + " is not in the bound block");
        if (Float.isNaN(fusedClip)) updateNamed(name, weight, grad);
        else updateFused(name, weight, grad);
    }

    /** What DJL's {@code Adam.update} does (DJL 0.36), with the moments kept by name. */
    private void updateFused(String name, NDArray weight, NDArray grad) {
        numUpdate = Math.max(numUpdate, counts.merge(name, 1, Integer::sum));
        int t = numUpdate;
        double coef1 = 1.0 - Math.pow(beta1, t), coef2 = 1.0 - Math.pow(beta2, t);
        float lr = learningRate.getNewValue(t);
        float biasCorrected = (float) (lr * Math.sqrt(coef2) / coef1);
        NDArray m = means.computeIfAbsent(name, k -> weight.zerosLike());
        NDArray v = variances.computeIfAbsent(name, k -> weight.zerosLike());
        weight.getNDArrayInternal()
                .adamUpdate(
                        new NDList(weight, grad, m, v),
                        new NDList(weight),
                        lr,
                        biasCorrected,
                        0f,
                        rescaleGrad,
                        fusedClip,
                        beta1,
                        beta2,
                        epsilon,
                        true,
                        false);
    }

    private void updateNamed(String parameterId, NDArray weight, NDArray grad) {
        int t = counts.merge(parameterId, 1, Integer::sum);
        NDArray m = means.computeIfAbsent(parameterId, k -> persistentZeros(weight));
        NDArray v = variances.computeIfAbsent(parameterId, k -> persistentZeros(weight));
        m.muli(beta1);
        try (NDArray g1 = grad.mul(1 - beta1)) {
            m.addi(g1);
        }
        v.muli(beta2);
        try (NDArray g2 = grad.square()) {
            g2.muli(1 - beta2);
            v.addi(g2);
        }
        double correction1 = 1 - Math.pow(beta1, t), correction2 = 1 - Math.pow(beta2, t);
        float lr = learningRate.getNewValue(t - 1);
        float stepSize = (float) (lr * Math.sqrt(correction2) / correction1);
        try (NDArray denom = v.sqrt()) {
            denom.addi((float) (epsilon * Math.sqrt(correction2)));
            try (NDArray u = m.div(denom)) {
                u.muli(stepSize);
                weight.subi(u);
            }
        }
    }

    private static NDArray persistentZeros(NDArray like) {
        NDArray z = like.zerosLike();
        z.setRequiresGradient(false);
        return z;
    }

    /** Steps taken so far (the most any parameter has been updated). */
    public int steps() {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Writes the step count and every moment (DJL's NDList encoding), in parameter-id order. */
    public void save(OutputStream out) throws IOException {
        java.io.DataOutputStream d = new java.io.DataOutputStream(out);
        d.writeInt(means.size());
        for (String id : means.keySet()) {
            d.writeUTF(id);
            d.writeInt(counts.get(id));
        }
        NDList all = new NDList();
        for (String id : means.keySet()) {
            all.add(means.get(id));
            all.add(variances.get(id));
        }
        all.encode(d);
        d.flush();
    }

    /** Restores what {@link #save} wrote; the moments go to {@code manager} (the model's). */
    public void load(InputStream in, NDManager manager) throws IOException {
        java.io.DataInputStream d = new java.io.DataInputStream(in);
        int n = d.readInt();
        List<String> ids = new ArrayList<>();
        counts.clear();
        for (int i = 0; i < n; i++) {
            ids.add(d.readUTF());
            counts.put(ids.get(i), d.readInt());
        }
        numUpdate = steps();
        NDList all = NDList.decode(manager, d);
        if (all.size() != 2 * n)
            throw new IOException("optimiser state holds " + all.size() + " arrays, expected " + 2 * n);
        means.values().forEach(NDArray::close);
        variances.values().forEach(NDArray::close);
        means.clear();
        variances.clear();
        for (int i = 0; i < n; i++) {
            means.put(ids.get(i), all.get(2 * i));
            variances.put(ids.get(i), all.get(2 * i + 1));
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
