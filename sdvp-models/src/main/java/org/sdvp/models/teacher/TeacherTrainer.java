package org.sdvp.models.teacher;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
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
import org.sdvp.models.train.Losses;
import org.sdvp.models.train.ResumableTraining;
import org.sdvp.models.train.SavableAdam;
import org.sdvp.models.train.StepLoop;
import org.sdvp.models.vlm.VlmTrainer;
import org.sdvp.world.scene.Attribute;

/** Trains a {@link TeacherModel}; deterministic for a seed with one PyTorch thread. */
public final class TeacherTrainer {
    private final TeacherModel teacher;
    private final TeacherTrainConfig config;

    public TeacherTrainer(TeacherModel teacher, TeacherTrainConfig config) {
        this.teacher = teacher;
        this.config = config;
    }

    public StepLoop.Result train(TeacherExamples data, PrintStream progress) {
        try {
            return train(data, progress, null);
        } catch (DataException | IOException e) {
            throw new IllegalStateException("unreachable without a saved state", e);
        }
    }

    /**
     * {@link #train(TeacherExamples, PrintStream)} that saves its state through {@code resume} (null for none)
     * and continues from the newest saved state; the weights are bit-identical to an uninterrupted run's.
     *
     * @throws DataException when the saved state belongs to another run or cannot be read
     * @throws IOException when a state cannot be written (the previous one stays intact)
     */
    public StepLoop.Result train(TeacherExamples data, PrintStream progress, ResumableTraining resume)
            throws DataException, IOException {
        TeacherTrainConfig c = config;
        int cropN = data.crops().isEmpty() ? 0 : c.cropBatch();
        int frameN = data.frames().isEmpty() ? 0 : c.frameBatch();
        if (cropN + frameN == 0) throw new IllegalArgumentException("no teacher training examples");
        Tracker lr = StepLoop.cosineWithWarmup(c.learningRate(), 0.05f, c.steps(), c.warmupSteps());
        // DJL's Adam rule (defaults, gradients clipped at 5), with state that can be saved
        SavableAdam adam = SavableAdam.likeDjl(teacher.block(), lr, 0.9f, 0.999f, 5f);
        DefaultTrainingConfig tc =
                new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam).optDevices(new Device[] {Device.cpu()});
        SplittableRandom root = new SplittableRandom(c.seed());
        SplittableRandom rCrop = root.split(), rFrame = root.split();
        int first = resume == null
                ? 0
                : resume.restoreParameters(teacher.block(), teacher.model().getNDManager());
        if (first > 0 && progress != null) progress.println(resume.resuming(first, c.steps()));
        try (Trainer trainer = teacher.model().newTrainer(tc)) {
            trainer.initialize(teacher.block().inputShapes());
            warmUp(trainer);
            if (resume != null) resume.restoreOptimizer(adam, teacher.model().getNDManager());
            // the data position: the draws of the steps already done, made again
            for (int s = 0; s < Math.min(first, c.steps()); s++) {
                if (cropN > 0) draw(data.crops(), cropN, rCrop);
                if (frameN > 0) draw(data.frames(), frameN, rFrame);
            }
            if (first >= c.steps()) return resume.savedResult();
            StepLoop loop = new StepLoop(trainer, "teacher", ProgressBars.orNone(progress));
            int window = Math.max(1, c.steps() / 50);
            StepLoop.Result r = loop.run(
                    first,
                    c.steps(),
                    cropN + frameN,
                    window,
                    (m, step, backward) -> {
                        ParameterStore ps = new ParameterStore(m, false);
                        List<TeacherExamples.Crop> cb = cropN > 0 ? draw(data.crops(), cropN, rCrop) : List.of();
                        List<TeacherExamples.Frame> fb = frameN > 0 ? draw(data.frames(), frameN, rFrame) : List.of();
                        float total = 0;
                        // one backward per input size (see StepLoop.StepLoss)
                        if (!cb.isEmpty()) {
                            NDArray l = cropLoss(m, ps, cb);
                            total += l.getFloat();
                            backward.accept(l);
                        }
                        if (!fb.isEmpty()) {
                            NDArray l = frameLoss(m, ps, fb);
                            total += l.getFloat();
                            backward.accept(l);
                        }
                        return total;
                    },
                    resume == null
                            ? null
                            : resume.afterStep(loop, teacher.block(), adam, c.steps(), window, cropN + frameN));
            return resume == null ? r : resume.combined(r);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** See VlmTrainer.warmUp: first use of each input size, gradients cleared, no update. */
    private void warmUp(Trainer trainer) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            TeacherConfig cfg = teacher.config();
            try (var gc = trainer.newGradientCollector()) {
                gc.backward(teacher.block()
                        .attributes(ps, m.zeros(new Shape(2, 3, cfg.cropSize(), cfg.cropSize())), true)
                        .sum());
                gc.backward(teacher.block()
                        .detect(ps, m.zeros(new Shape(2, 3, cfg.detSize(), cfg.detSize())), true)
                        .sum());
            }
        }
        StepLoop.zeroGradients(trainer);
    }

    NDArray cropLoss(NDManager m, ParameterStore ps, List<TeacherExamples.Crop> b) {
        List<BufferedImage> imgs = new ArrayList<>();
        for (TeacherExamples.Crop x : b) imgs.add(x.image());
        NDArray logits = teacher.block().attributes(ps, teacher.crops(m, imgs), true);
        NDArray total = m.zeros(new Shape());
        for (Attribute a : Attribute.values()) {
            float[] labels = new float[b.size()];
            for (int i = 0; i < b.size(); i++) labels[i] = b.get(i).labels()[a.ordinal()];
            int o = AttributeSpace.offset(a);
            NDArray block = logits.get(new NDIndex(":, {}:{}", o, o + AttributeSpace.size(a)));
            total = total.add(Losses.crossEntropy(block, Tensors.of(m, labels)));
        }
        return total;
    }

    NDArray frameLoss(NDManager m, ParameterStore ps, List<TeacherExamples.Frame> b) {
        GridBoxes grid = teacher.grid();
        int cells = grid.gridW() * grid.gridH();
        int n = b.size();
        List<BufferedImage> imgs = new ArrayList<>();
        float[] obj = new float[n * cells];
        float[] box = new float[n * 4 * cells];
        float[] attr = new float[n * AttributeSpace.WIDTH * cells];
        for (int i = 0; i < n; i++) {
            TeacherExamples.Frame f = b.get(i);
            imgs.add(f.image());
            double w = f.image().getWidth(), h = f.image().getHeight();
            GridBoxes.Targets t = grid.encode(f.boxes(), w, h);
            System.arraycopy(t.objectness(), 0, obj, i * cells, cells);
            System.arraycopy(t.box(), 0, box, i * 4 * cells, 4 * cells);
            // the attribute target of a cell is its object's labels; larger objects first, as encode() does
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < f.boxes().size(); k++) order.add(k);
            order.sort((x, y) ->
                    Double.compare(f.boxes().get(y).area(), f.boxes().get(x).area()));
            for (int k : order) {
                var bx = f.boxes().get(k);
                int gx = Math.max(0, Math.min(grid.gridW() - 1, (int) Math.floor(bx.centerX() / w * grid.gridW())));
                int gy = Math.max(0, Math.min(grid.gridH() - 1, (int) Math.floor(bx.centerY() / h * grid.gridH())));
                int cell = gy * grid.gridW() + gx;
                for (Attribute a : Attribute.values()) {
                    int base = i * AttributeSpace.WIDTH * cells + AttributeSpace.offset(a) * cells;
                    for (int v = 0; v < AttributeSpace.size(a); v++) attr[base + v * cells + cell] = 0f;
                    attr[base + f.labels().get(k)[a.ordinal()] * cells + cell] = 1f;
                }
            }
        }
        NDArray map =
                teacher.block().detect(ps, teacher.frames(m, imgs), true).reshape(n, TeacherBlock.DET_CHANNELS, cells);
        NDArray loss = VlmTrainer.gridLoss(
                m,
                map.get(new NDIndex(":, 0:5, :")),
                obj,
                box,
                n,
                cells,
                config.objectnessPositiveWeight(),
                config.boxWeight());
        NDArray targets = Tensors.of(m, attr, new Shape(n, AttributeSpace.WIDTH, cells));
        NDArray positives = Tensors.of(m, obj).sum().maximum(1f);
        NDArray attrLoss = m.zeros(new Shape());
        for (Attribute a : Attribute.values()) {
            int o = AttributeSpace.offset(a), k = AttributeSpace.size(a);
            NDArray logits = map.get(new NDIndex(":, {}:{}, :", GridBoxes.CHANNELS + o, GridBoxes.CHANNELS + o + k));
            NDArray t = targets.get(new NDIndex(":, {}:{}, :", o, o + k));
            attrLoss = attrLoss.add(logits.logSoftmax(1).mul(t).sum().neg().div(positives));
        }
        return loss.add(Tensors.scale(attrLoss, config.detAttributeWeight()));
    }

    static <T> List<T> draw(List<T> from, int n, SplittableRandom rng) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(from.get(rng.nextInt(from.size())));
        return out;
    }
}
