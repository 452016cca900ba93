package org.sdvp.backends.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.backends.config.MatchForm;
import org.sdvp.backends.config.MatchSpec;
import org.sdvp.backends.config.OwnModelFolder;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.config.TensorSpec;
import org.sdvp.backends.engine.EngineException;
import org.sdvp.backends.engine.HostTensor;
import org.sdvp.backends.engine.TorchScriptEngine;
import org.sdvp.backends.service.OwnModel;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.ServiceKind;

/**
 * Trains the parameters of a loaded TorchScript model ({@link OwnModel#loadTrainable}) with DJL's PyTorch
 * engine, in place, on pairs in its own output space: VQA by cross-entropy against the target distribution
 * over answers.json, MATCH by binary cross-entropy of its probability (read as the service reads it: one
 * logit through model.json's scale and bias, BLIP ITM's yes-minus-no, CLIP's diagonal). Parameters whose
 * names start with one of model.json's {@code frozen} prefixes keep their values. LOC is not trainable yet.
 */
public final class OwnTrainer {
    /**
     * @param lossCurve the loss of every step
     * @param trained   the names of the parameters that were updated
     * @param frozen    the names of the parameters model.json's {@code frozen} prefixes kept
     */
    public record Result(List<Double> lossCurve, List<String> trained, List<String> frozen, double seconds) {}

    private final OwnModel model;
    private final OwnTrainConfig config;

    public OwnTrainer(OwnModel model, OwnTrainConfig config) {
        this.model = model;
        this.config = config;
    }

    /**
     * @throws BackendException when the model is not a trainable TorchScript model, its service cannot be trained,
     *                          a target does not fit its output, or a {@code frozen} prefix names no parameter
     *                          (all checked before the first step)
     */
    public Result train(List<TrainingPair> pairs) throws BackendException {
        if (!(model.engine() instanceof TorchScriptEngine ts)) {
            throw new BackendException(
                    "only a TorchScript model can be trained: " + model.folder().dir());
        }
        OwnModelFolder f = model.folder();
        if (f.service() == ServiceKind.LOC) {
            throw new BackendException(
                    "training a LOC model is not supported yet (" + f.dir() + "): only VQA and MATCH");
        }
        if (pairs.isEmpty()) throw new BackendException("no training pairs for " + f.dir());
        int width = f.service() == ServiceKind.VQA ? f.answers().size() : 1;
        for (TrainingPair p : pairs) {
            if (p.target().length != width) {
                throw new BackendException("a " + f.service() + " target for '" + p.text() + "' has "
                        + p.target().length + " values; " + f.dir() + " needs " + width);
            }
        }
        Model djl = ts.model();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Adam.builder()
                        .optLearningRateTracker(Tracker.fixed(config.learningRate()))
                        .build());
        long t0 = System.nanoTime();
        try (Trainer trainer = djl.newTrainer(tc)) {
            // newTrainer unfreezes every parameter of a loaded model: freeze what model.json names, after it
            List<String> trained = new ArrayList<>(), frozen = new ArrayList<>();
            freeze(djl, f.config().frozenPrefixes(), trained, frozen);
            trainer.initialize();
            SplittableRandom random = new SplittableRandom(config.seed());
            List<Double> curve = new ArrayList<>(config.steps());
            for (int step = 0; step < config.steps(); step++) {
                List<TrainingPair> batch = new ArrayList<>(config.batch());
                for (int i = 0; i < config.batch(); i++) batch.add(pairs.get(random.nextInt(pairs.size())));
                curve.add(step(trainer, batch));
            }
            return new Result(curve, trained, frozen, (System.nanoTime() - t0) / 1e9);
        } catch (EngineException | RuntimeException e) {
            throw new BackendException("training " + f.dir() + " failed: " + e.getMessage(), e);
        }
    }

    private double step(Trainer trainer, List<TrainingPair> batch) throws EngineException, BackendException {
        zeroGradients(trainer);
        double value;
        try (NDManager m = trainer.getManager().newSubManager()) {
            List<OwnModel.Prepared> prepared = new ArrayList<>(batch.size());
            for (TrainingPair p : batch) prepared.add(model.prepare(p.image(), p.text()));
            NDList in = new NDList();
            for (HostTensor t : model.inputs(prepared)) in.add(TorchScriptEngine.toNd(m, t));
            float[] targets = new float[batch.size() * batch.get(0).target().length];
            for (int i = 0; i < batch.size(); i++) {
                float[] t = batch.get(i).target();
                System.arraycopy(t, 0, targets, i * t.length, t.length);
            }
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(in);
                NDArray loss = loss(m, out, targets, batch.size());
                value = loss.getFloat();
                if (!Double.isFinite(value)) {
                    throw new BackendException(
                            "the loss became " + value + "; lower the learning rate or check the targets");
                }
                gc.backward(loss);
            }
            trainer.step();
        }
        zeroGradients(trainer);
        return value;
    }

    private NDArray loss(NDManager m, NDList out, float[] targets, int n) throws EngineException {
        OwnModelFolder f = model.folder();
        if (f.service() == ServiceKind.VQA) {
            NDArray logits = output(out, Role.ANSWER_LOGITS).toType(DataType.FLOAT32, false);
            NDArray t = owned(m.create(targets, logits.getShape()));
            return logits.logSoftmax(1).mul(t).sum(new int[] {1}).neg().mean();
        }
        TensorSpec spec = spec(Role.MATCH_LOGITS);
        NDArray logits = output(out, Role.MATCH_LOGITS).toType(DataType.FLOAT32, false);
        MatchSpec calibration = f.match();
        NDArray z = switch (MatchForm.of(spec)) {
            case LOGIT -> calibrated(logits.reshape(n), calibration);
            case ITM_PAIR -> logits.get(":, 1").sub(logits.get(":, 0"));
            case MATRIX -> calibrated(logits.mul(m.eye(n)).sum(new int[] {1}), calibration);
        };
        NDArray p = owned(m.create(targets));
        // binary cross-entropy on logits, stable for large |z|: max(z, 0) - z·p + log(1 + e^-|z|)
        return z.maximum(owned(m.create(0f)))
                .sub(z.mul(p))
                .add(z.abs().neg().exp().add(1f).log())
                .mean();
    }

    private static NDArray calibrated(NDArray logit, MatchSpec s) {
        float scale = s.scale() == null ? 1f : s.scale().floatValue();
        return logit.mul(owned(logit.getManager().create(scale)))
                .add(s.bias() == null ? 0f : s.bias().floatValue());
    }

    /**
     * A PyTorch-owned copy of a tensor DJL made from Java memory. Autograd keeps the operands of a product or a
     * maximum for the backward pass, and DJL wraps Java arrays and scalars in direct buffers that the garbage
     * collector may free before it runs: a collection inside a step then gives that step wrong gradients
     * (docs/reliability.md, "Resume after a kill"; sdvp-models' {@code Tensors} does the same for the world's
     * networks).
     */
    private static NDArray owned(NDArray blob) {
        try (blob) {
            return blob.duplicate();
        }
    }

    private NDArray output(NDList out, Role role) throws EngineException {
        return TorchScriptEngine.output(
                out, model.folder().config().outputs(), spec(role).name());
    }

    private TensorSpec spec(Role role) {
        return model.folder().tensor(role);
    }

    private static void freeze(Model djl, List<String> prefixes, List<String> trained, List<String> frozen)
            throws BackendException {
        List<String> unused = new ArrayList<>(prefixes);
        List<String> names = new ArrayList<>();
        for (Pair<String, Parameter> p : djl.getBlock().getParameters()) {
            String name = p.getValue().getName();
            names.add(name);
            String prefix =
                    prefixes.stream().filter(name::startsWith).findFirst().orElse(null);
            if (prefix == null) {
                trained.add(name);
                continue;
            }
            unused.remove(prefix);
            p.getValue().freeze(true);
            frozen.add(name);
        }
        if (!unused.isEmpty()) {
            throw new BackendException("model.json's 'frozen' names " + unused + ", which starts no parameter name; "
                    + "the model's parameters are " + names);
        }
    }

    /** PyTorch accumulates gradients and DJL's collector does not clear them on this engine. */
    private static void zeroGradients(Trainer trainer) {
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.hasGradient() && a instanceof PtNDArray pt) JniUtils.zeroGrad(pt);
        }
    }
}
