package org.sdvp.models.teacher;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.value.Box;
import org.sdvp.models.checkpoint.CheckpointMeta;
import org.sdvp.models.checkpoint.Checkpoints;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.nn.Pixels;
import org.sdvp.models.train.DjlSetup;

/**
 * A teacher ready to train or answer: network, config, and the task it was trained for. Inference
 * returns attribute probabilities (per crop) and detections with attribute probabilities (per image),
 * one NDManager sub-scope per call. Not thread-safe.
 */
public final class TeacherModel implements AutoCloseable {
    public static final String KIND = "teacher";

    /** One detected object: its box (image coordinates), objectness and attribute probabilities. */
    public record Found(Box box, double objectness, float[] attributes) {}

    private final Model model;
    private final TeacherBlock block;
    private final TeacherConfig config;
    private final String task;
    private final GridBoxes grid;
    private Provenance provenance;
    private TeacherCoverage coverage = TeacherCoverage.unmeasured();

    private TeacherModel(TeacherConfig config, String task, Provenance provenance) {
        DjlSetup.configure();
        this.config = config;
        this.task = task;
        this.provenance = provenance;
        this.grid = new GridBoxes(config.grid(), config.grid());
        this.block = new TeacherBlock(config);
        this.model = Model.newInstance("sdvp-teacher");
        model.setBlock(block);
    }

    public static TeacherModel create(TeacherConfig config, String task, long seed) {
        DjlSetup.seed(seed);
        TeacherModel m = new TeacherModel(config, task, null);
        m.block.initialize(m.model.getNDManager(), DataType.FLOAT32, m.block.inputShapes());
        return m;
    }

    public static TeacherModel load(Path dir) throws BackendException {
        CheckpointMeta meta = Checkpoints.read(dir, KIND);
        TeacherConfig config = Checkpoints.parseRecord(
                meta.architecture(), TeacherConfig.class, "checkpoint " + dir + ": architecture");
        if (meta.provenance() == null || meta.provenance().task() == null) {
            throw new BackendException(
                    "checkpoint " + dir + " lacks 'provenance.task' (which task the teacher serves)");
        }
        TeacherModel m = new TeacherModel(config, meta.provenance().task(), meta.provenance());
        m.coverage = TeacherCoverage.fromMetrics(meta.provenance().metrics());
        try {
            m.block.initialize(m.model.getNDManager(), DataType.FLOAT32, m.block.inputShapes());
            Checkpoints.loadParameters(dir, meta, m.block, m.model.getNDManager());
        } catch (BackendException | RuntimeException e) {
            m.close();
            throw e;
        }
        return m;
    }

    public CheckpointMeta save(Path dir, Provenance provenance) throws IOException {
        JsonNode arch = Json.mapper().valueToTree(config);
        this.provenance = provenance;
        return Checkpoints.write(
                dir,
                new CheckpointMeta(
                        CheckpointMeta.FORMAT, CheckpointMeta.VERSION, KIND, arch, Map.of(), null, provenance, null),
                block);
    }

    public Model model() {
        return model;
    }

    public TeacherBlock block() {
        return block;
    }

    public TeacherConfig config() {
        return config;
    }

    public String task() {
        return task;
    }

    public GridBoxes grid() {
        return grid;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Which call forms this teacher claims (see {@link TeacherCoverage}). */
    public TeacherCoverage coverage() {
        return coverage;
    }

    /** Sets the measured coverage (after training; saved with the provenance metrics). */
    public void coverage(TeacherCoverage c) {
        this.coverage = java.util.Objects.requireNonNull(c, "coverage");
    }

    public long parameterCount() {
        return Checkpoints.parameterCount(block);
    }

    /** Crops at the scale frames are seen at (detSize / 128), centred: object size stays readable. */
    public NDArray crops(NDManager m, List<BufferedImage> images) {
        return Pixels.fixedScale(m, images, config.cropSize(), config.detSize() / 128.0);
    }

    public NDArray frames(NDManager m, List<BufferedImage> images) {
        return Pixels.tensor(m, images, config.detSize(), config.detSize());
    }

    /** Attribute probabilities {@code [n][16]} (softmax per attribute). */
    public float[][] attributeProbabilities(List<BufferedImage> crops) {
        float[] logits;
        try (NDManager m = model.getNDManager().newSubManager()) {
            logits = block.attributes(new ParameterStore(m, false), crops(m, crops), false)
                    .toFloatArray();
        }
        float[][] out = new float[crops.size()][];
        for (int i = 0; i < crops.size(); i++) out[i] = AttributeSpace.probabilities(logits, i * AttributeSpace.WIDTH);
        return out;
    }

    /** Objects found in each image (objectness ≥ {@code threshold}, after NMS), best first. */
    public List<List<Found>> detect(List<BufferedImage> images, double threshold) {
        int cells = config.grid() * config.grid();
        float[] raw;
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray out = block.detect(new ParameterStore(m, false), frames(m, images), false);
            raw = out.toFloatArray();
        }
        int per = TeacherBlock.DET_CHANNELS * cells;
        List<List<Found>> result = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            float[] boxMap = new float[GridBoxes.CHANNELS * cells];
            for (int k = 0; k < boxMap.length; k++) boxMap[k] = sigmoid(raw[i * per + k]);
            BufferedImage img = images.get(i);
            List<GridBoxes.Scored> kept = grid.decode(boxMap, img.getWidth(), img.getHeight(), threshold, 0.5, 32);
            List<Found> found = new ArrayList<>();
            for (GridBoxes.Scored s : kept) {
                int cell = s.cell();
                float[] logits = new float[AttributeSpace.WIDTH];
                for (int a = 0; a < logits.length; a++) {
                    logits[a] = raw[i * per + (GridBoxes.CHANNELS + a) * cells + cell];
                }
                found.add(new Found(s.box(), s.score(), AttributeSpace.probabilities(logits, 0)));
            }
            result.add(found);
        }
        return result;
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    @Override
    public void close() {
        model.close();
    }
}
