package org.sdvp.models.vlm;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
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
import org.sdvp.models.checkpoint.Calibration;
import org.sdvp.models.checkpoint.CheckpointMeta;
import org.sdvp.models.checkpoint.Checkpoints;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.nn.Pixels;
import org.sdvp.models.nn.Tensors;
import org.sdvp.models.text.TextFeatures;
import org.sdvp.models.text.Tokenizer;
import org.sdvp.models.text.Vocabulary;
import org.sdvp.models.train.DjlSetup;

/**
 * A student VLM ready to train or answer: the DJL model and block, its config and vocabularies, and the
 * provenance it was loaded with. Inference methods open one NDManager sub-scope per call and return plain
 * Java arrays, so nothing native outlives a batch.
 *
 * <p>Not thread-safe. Close it to free its native memory.
 */
public final class VlmModel implements AutoCloseable {
    public static final String KIND = "vlm";

    private final Model model;
    private final VlmBlock block;
    private final VlmConfig config;
    private final Vocabulary words;
    private final Vocabulary answers;
    private final TextFeatures textFeatures;
    private final GridBoxes grid;
    private Provenance provenance;
    private Calibration calibration;

    private VlmModel(VlmConfig config, Vocabulary words, Vocabulary answers, Provenance provenance) {
        DjlSetup.configure();
        this.config = config;
        this.words = words;
        this.answers = answers;
        this.provenance = provenance;
        this.textFeatures = new TextFeatures(words, config.bigrams());
        this.grid = new GridBoxes(config.gridWidth(), config.gridHeight());
        this.block = new VlmBlock(config, answers.size());
        this.model = Model.newInstance("sdvp-vlm");
        model.setBlock(block);
    }

    /** A freshly initialised student; {@code seed} fixes the initial weights. */
    public static VlmModel create(VlmConfig config, Vocabulary words, Vocabulary answers, long seed) {
        DjlSetup.seed(seed);
        VlmModel m = new VlmModel(config, words, answers, null);
        m.block.initialize(m.model.getNDManager(), DataType.FLOAT32, m.block.inputShapes(words.size()));
        return m;
    }

    /**
     * Loads a checkpoint folder written by {@link #save}.
     *
     * @throws BackendException naming what is missing or differs
     */
    public static VlmModel load(Path dir) throws BackendException {
        CheckpointMeta meta = Checkpoints.read(dir, KIND);
        if (meta.architecture() != null
                && meta.architecture().isObject()
                && !meta.architecture().has("embedDim")) {
            throw new BackendException("checkpoint " + dir + " holds a student v1 (grounding by a FiLM heatmap), "
                    + "which this version no longer runs: pretrain a student v2 with `sdvp pretrain` (docs/models.md)");
        }
        VlmConfig config =
                Checkpoints.parseRecord(meta.architecture(), VlmConfig.class, "checkpoint " + dir + ": architecture");
        Vocabulary words = vocabulary(meta, "words", dir);
        Vocabulary answers = vocabulary(meta, "answers", dir);
        VlmModel m = new VlmModel(config, words, answers, meta.provenance());
        m.calibration = meta.calibration();
        try {
            m.block.initialize(m.model.getNDManager(), DataType.FLOAT32, m.block.inputShapes(words.size()));
            Checkpoints.loadParameters(dir, meta, m.block, m.model.getNDManager());
        } catch (BackendException | RuntimeException e) {
            m.close();
            throw e;
        }
        return m;
    }

    /** Loads {@code dir} and checks that its architecture is {@code expected}, listing every difference. */
    public static VlmModel load(Path dir, VlmConfig expected) throws BackendException {
        VlmModel m = load(dir);
        List<String> diffs = Json.differences(
                Json.mapper().valueToTree(expected), Json.mapper().valueToTree(m.config), "architecture");
        if (!diffs.isEmpty()) {
            m.close();
            throw new BackendException("checkpoint " + dir + " has another architecture: " + String.join("; ", diffs));
        }
        return m;
    }

    private static Vocabulary vocabulary(CheckpointMeta meta, String name, Path dir) throws BackendException {
        List<String> tokens = meta.vocabularies().get(name);
        if (tokens == null) throw new BackendException("checkpoint " + dir + " lacks the vocabulary '" + name + "'");
        try {
            return new Vocabulary(tokens);
        } catch (IllegalArgumentException e) {
            throw new BackendException("checkpoint " + dir + ": vocabulary '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Writes the checkpoint (parameters, then config.json) and remembers {@code provenance}. */
    public CheckpointMeta save(Path dir, Provenance provenance) throws IOException {
        JsonNode arch = Json.mapper().valueToTree(config);
        CheckpointMeta meta = new CheckpointMeta(
                CheckpointMeta.FORMAT,
                CheckpointMeta.VERSION,
                KIND,
                arch,
                Map.of("words", words.tokens(), "answers", answers.tokens()),
                null,
                provenance,
                calibration);
        this.provenance = provenance;
        return Checkpoints.write(dir, meta, block);
    }

    public Model model() {
        return model;
    }

    public VlmBlock block() {
        return block;
    }

    public VlmConfig config() {
        return config;
    }

    public Vocabulary words() {
        return words;
    }

    public Vocabulary answers() {
        return answers;
    }

    public GridBoxes grid() {
        return grid;
    }

    /** Decoding settings chosen on validation data; null until calibrated (then the defaults apply). */
    public Calibration calibration() {
        return calibration;
    }

    /** Replaces the decoding settings; saved with the next {@link #save}, inherited by SDVP stages. */
    public void calibrate(Calibration calibration) {
        this.calibration = calibration;
    }

    /** The grounding score from which a cell is reported as a box: the calibrated one, or the default. */
    public double locThreshold() {
        return calibration == null ? Calibration.DEFAULT_LOC_THRESHOLD : calibration.locThreshold();
    }

    /** The provenance it was loaded or last saved with; null for a fresh model. */
    public Provenance provenance() {
        return provenance;
    }

    public long parameterCount() {
        return Checkpoints.parameterCount(block);
    }

    // ---- batch inputs, shared by the trainer and the services ----

    /**
     * VQA/MATCH crop inputs: placed at the scale whole images are seen at ({@code locWidth / 128}, the
     * world's image side), centred on a {@code cropSize²} canvas, so object size stays readable.
     */
    public NDArray crops(NDManager m, List<BufferedImage> images) {
        return Pixels.fixedScale(m, images, config.cropSize(), config.locWidth() / (double) CROP_SCALE_REFERENCE);
    }

    /** Side of the world's images: crops are shown at the same scale as whole images are. */
    static final int CROP_SCALE_REFERENCE = 128;

    /** Grounding inputs resized to {@code locWidth × locHeight}. */
    public NDArray fullImages(NDManager m, List<BufferedImage> images) {
        return Pixels.tensor(m, images, config.locWidth(), config.locHeight());
    }

    public NDArray texts(NDManager m, List<String> texts) {
        return Tensors.of(m, textFeatures.encode(texts), new Shape(texts.size(), textFeatures.width()));
    }

    /** The answer's class, or 0 (unknown) when the answer is outside the vocabulary. */
    public int answerIndex(String answer) {
        return answers.indexOf(Tokenizer.answer(answer));
    }

    // ---- inference: one sub-scope per call ----

    /**
     * Whether VQA/MATCH see this image at the grounding size rather than the crop size: whole images (long
     * side above 1.5 crop sides) keep their small objects readable, crops are cheap at 64×64. The pooled
     * heads do not care about the grid size.
     */
    public boolean isWhole(BufferedImage image) {
        return Math.max(image.getWidth(), image.getHeight()) > 1.5 * config.cropSize();
    }

    /** VQA/MATCH visual input for a group of images that are all crops or all whole. */
    public NDArray visual(NDManager m, List<BufferedImage> images, boolean whole) {
        return whole ? fullImages(m, images) : crops(m, images);
    }

    /** Indices of the crops and of the whole images, each in input order. */
    public List<List<Integer>> sizeGroups(List<BufferedImage> images) {
        List<Integer> crops = new ArrayList<>(), whole = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) (isWhole(images.get(i)) ? whole : crops).add(i);
        return List.of(crops, whole);
    }

    /** Answer distributions {@code [batch][answers]}. */
    public float[][] vqaProbabilities(List<BufferedImage> images, List<String> questions) {
        float[][] out = new float[images.size()][];
        forEachSizeGroup(images, questions, (ps, visual, text, idx) -> {
            NDArray p = block.vqa(ps, visual, text, false).softmax(1);
            float[][] rows = rows(p.toFloatArray(), idx.size(), answers.size());
            for (int k = 0; k < idx.size(); k++) out[idx.get(k)] = rows[k];
        });
        return out;
    }

    /** Match probabilities. */
    public float[] matchProbabilities(List<BufferedImage> images, List<String> texts) {
        float[] out = new float[images.size()];
        forEachSizeGroup(images, texts, (ps, visual, text, idx) -> {
            float[] p = Activation.sigmoid(block.match(ps, visual, text, false)).toFloatArray();
            for (int k = 0; k < idx.size(); k++) out[idx.get(k)] = p[k];
        });
        return out;
    }

    /** One forward pass over the inputs of one size group (crops or whole images). */
    private interface GroupPass {
        void run(ParameterStore ps, NDArray visual, NDArray text, List<Integer> idx);
    }

    /**
     * Splits a batch into its two size groups and runs {@code pass} on each in its own NDManager sub-scope,
     * so nothing of a forward pass outlives it.
     */
    private void forEachSizeGroup(List<BufferedImage> images, List<String> texts, GroupPass pass) {
        List<List<Integer>> groups = sizeGroups(images);
        for (int g = 0; g < 2; g++) {
            List<Integer> idx = groups.get(g);
            if (idx.isEmpty()) continue;
            try (NDManager m = model.getNDManager().newSubManager()) {
                pass.run(
                        new ParameterStore(m, false),
                        visual(m, pick(images, idx), g == 1),
                        texts(m, pick(texts, idx)),
                        idx);
            }
        }
    }

    public static <T> List<T> pick(List<T> from, List<Integer> idx) {
        List<T> out = new ArrayList<>(idx.size());
        for (int i : idx) out.add(from.get(i));
        return out;
    }

    /**
     * The grounding head's output per image, through the sigmoid: {@code [batch][5*gridH*gridW]}, channel-major
     * as {@link GridBoxes#decode} reads it (channel 0 objectness, channels 1–4 the box code). SDVP's replay
     * targets for LOC are these maps.
     */
    public float[][] locMaps(List<BufferedImage> images, List<String> phrases) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray out = Activation.sigmoid(block.loc(ps, fullImages(m, images), texts(m, phrases), false));
            return rows(
                    out.toFloatArray(), images.size(), GridBoxes.CHANNELS * config.gridWidth() * config.gridHeight());
        }
    }

    /** Scored boxes per image (in that image's pixel coordinates), best first, after NMS. */
    public List<List<GridBoxes.Scored>> locate(
            List<BufferedImage> images, List<String> phrases, double threshold, double nmsIou, int maxBoxes) {
        float[][] maps = locMaps(images, phrases);
        List<List<GridBoxes.Scored>> result = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            BufferedImage img = images.get(i);
            result.add(grid.decode(maps[i], img.getWidth(), img.getHeight(), threshold, nmsIou, maxBoxes));
        }
        return result;
    }

    static float[][] rows(float[] flat, int n, int width) {
        float[][] out = new float[n][width];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * width, out[i], 0, width);
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
