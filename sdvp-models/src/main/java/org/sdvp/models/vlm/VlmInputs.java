package org.sdvp.models.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.nn.Pixels;

/**
 * The student's inference split in two: {@link #visual}/{@link #whole} turn one image into the float planes
 * the network reads (Java2D placement or resize, normalisation: the same numbers as {@link VlmModel#visual}
 * and {@link VlmModel#fullImages}), on any thread; the batch methods stack prepared planes and run the
 * network, one NDManager sub-scope per size group. The services prepare on the calling program's thread
 * ({@link org.sdvp.core.service.ModelService#prepare}), so the one model thread only runs the network.
 *
 * <p>Preparation is thread-safe; the batch methods are as thread-safe as {@link VlmModel}'s inference.
 */
final class VlmInputs {
    /** One image ready for VQA/MATCH: its planes and which size group they belong to. */
    record Visual(float[] planes, boolean whole) {}

    private final VlmModel vlm;
    private final VlmConfig config;

    VlmInputs(VlmModel vlm) {
        this.vlm = vlm;
        this.config = vlm.config();
    }

    /**
     * The image each calling thread prepared last and its planes. CLASSIFY hands over one crop per category in
     * a row (every object × category pair in one {@code callAll}), so all but the first request of an object
     * reuse its planes instead of placing and converting the same pixels again. Keyed by identity: images
     * are values nobody draws on once they are handed to a model, and an equal image that is another object
     * is simply prepared again.
     */
    private final ThreadLocal<Prepared> lastVisual = new ThreadLocal<>();

    private record Prepared(BufferedImage image, Visual visual) {}

    /**
     * VQA/MATCH input: a whole image at the grounding size, a crop placed at a fixed scale. The same image
     * asked about again by the same thread gets the very same planes ({@link #lastVisual}).
     */
    Visual visual(BufferedImage image) {
        Prepared last = lastVisual.get();
        if (last != null && last.image() == image) return last.visual();
        Visual v = planes(image);
        lastVisual.set(new Prepared(image, v));
        return v;
    }

    private Visual planes(BufferedImage image) {
        boolean whole = vlm.isWhole(image);
        return new Visual(
                whole
                        ? whole(image)
                        : Pixels.fixedScalePlanes(
                                image, config.cropSize(), config.locWidth() / (double) VlmModel.CROP_SCALE_REFERENCE),
                whole);
    }

    /** Grounding input: the image resized to {@code locWidth × locHeight}. */
    float[] whole(BufferedImage image) {
        return Pixels.planes(image, config.locWidth(), config.locHeight());
    }

    /** Answer distributions {@code [batch][answers]}, as {@link VlmModel#vqaProbabilities}. */
    float[][] vqaProbabilities(List<Visual> visuals, List<String> questions) {
        float[][] out = new float[visuals.size()][];
        int answers = vlm.answers().size();
        forEachSizeGroup(visuals, questions, (ps, visual, index, text, idx) -> {
            NDArray p = vlm.block().vqa(ps, visual, index, text, false).softmax(1);
            float[][] rows = VlmModel.rows(p.toFloatArray(), idx.size(), answers);
            for (int k = 0; k < idx.size(); k++) out[idx.get(k)] = rows[k];
        });
        return out;
    }

    /** Match probabilities, as {@link VlmModel#matchProbabilities}. */
    float[] matchProbabilities(List<Visual> visuals, List<String> texts) {
        float[] out = new float[visuals.size()];
        forEachSizeGroup(visuals, texts, (ps, visual, index, text, idx) -> {
            float[] p = Activation.sigmoid(vlm.block().match(ps, visual, index, text, false))
                    .toFloatArray();
            for (int k = 0; k < idx.size(); k++) out[idx.get(k)] = p[k];
        });
        return out;
    }

    /** Scored boxes per image, as {@link VlmModel#locate}; {@code sizes} are each image's width and height. */
    List<List<GridBoxes.Scored>> locate(
            List<float[]> wholes,
            List<int[]> sizes,
            List<String> phrases,
            double threshold,
            double nmsIou,
            int maxBoxes) {
        float[][] maps;
        try (NDManager m = vlm.model().getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray images = Pixels.stack(m, wholes, config.locWidth(), config.locHeight());
            NDArray out = Activation.sigmoid(vlm.block().loc(ps, images, vlm.texts(m, phrases), false));
            maps = VlmModel.rows(
                    out.toFloatArray(), wholes.size(), GridBoxes.CHANNELS * config.gridWidth() * config.gridHeight());
        }
        List<List<GridBoxes.Scored>> result = new ArrayList<>();
        for (int i = 0; i < wholes.size(); i++) {
            result.add(vlm.grid().decode(maps[i], sizes.get(i)[0], sizes.get(i)[1], threshold, nmsIou, maxBoxes));
        }
        return result;
    }

    private interface GroupPass {
        void run(ParameterStore ps, NDArray visual, NDArray index, NDArray text, List<Integer> idx);
    }

    /**
     * Runs {@code pass} once per size group, each image's planes stacked once however many requests of the
     * group share them (CLASSIFY asks one crop about every category): {@code index} maps requests to them.
     */
    private void forEachSizeGroup(List<Visual> visuals, List<String> texts, GroupPass pass) {
        for (boolean whole : new boolean[] {false, true}) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < visuals.size(); i++) if (visuals.get(i).whole() == whole) idx.add(i);
            if (idx.isEmpty()) continue;
            List<float[]> planes = new ArrayList<>(idx.size());
            Map<Planes, Integer> seen = new HashMap<>();
            // the same array handed over again (one crop, many categories) is found without hashing its values
            Map<float[], Integer> same = new IdentityHashMap<>();
            long[] index = new long[idx.size()];
            for (int k = 0; k < idx.size(); k++) {
                float[] p = visuals.get(idx.get(k)).planes();
                Integer known = same.get(p);
                if (known == null) {
                    known = seen.computeIfAbsent(new Planes(p), x -> {
                        planes.add(p);
                        return planes.size() - 1;
                    });
                    same.put(p, known);
                }
                index[k] = known;
            }
            int w = whole ? config.locWidth() : config.cropSize(), h = whole ? config.locHeight() : config.cropSize();
            try (NDManager m = vlm.model().getNDManager().newSubManager()) {
                pass.run(
                        new ParameterStore(m, false),
                        Pixels.stack(m, planes, w, h),
                        planes.size() == idx.size() ? null : m.create(index),
                        vlm.texts(m, VlmModel.pick(texts, idx)),
                        idx);
            }
        }
    }

    /** Float planes compared by content, so identical crops prepared separately are recognised. */
    private record Planes(float[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Planes p && Arrays.equals(values, p.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
