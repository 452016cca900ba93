package org.sdvp.models.vlm;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Detection;
import org.sdvp.models.nn.GridBoxes;

/**
 * The student's three model services. Each answers a whole batch with one forward pass per size group
 * (one NDManager sub-scope each, see {@link VlmModel}); nothing is cached between batches. Image inputs are
 * turned into float planes in {@code prepare}, on the calling program's thread ({@link VlmInputs}).
 */
public final class VlmServices {
    /** Boxes overlapping a better one by more than this IoU are dropped. */
    public static final double NMS_IOU = 0.5;

    public static final int MAX_BOXES = 16;

    private VlmServices() {}

    /** The bundle for {@code --modules vlm:DIR}; closing it closes the model. */
    public static ModelServices of(String name, VlmModel vlm) {
        return ModelServices.builder(name)
                .vqa(new Vqa(vlm))
                .match(new Match(vlm))
                .loc(new Loc(vlm))
                .closing(vlm)
                .build();
    }

    static final class Vqa implements ModelService<VqaRequest, VqaAnswer> {
        private final VlmModel vlm;
        private final VlmInputs inputs;

        Vqa(VlmModel vlm) {
            this.vlm = vlm;
            this.inputs = new VlmInputs(vlm);
        }

        @Override
        public Object prepare(VqaRequest request) {
            return inputs.visual(request.image().pixels());
        }

        @Override
        public List<VqaAnswer> apply(List<VqaRequest> batch) throws ModelServiceException {
            return apply(batch, Collections.nCopies(batch.size(), null));
        }

        @Override
        public List<VqaAnswer> apply(List<VqaRequest> batch, List<Object> prepared) throws ModelServiceException {
            List<VlmInputs.Visual> visuals = new ArrayList<>(batch.size());
            List<String> qs = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                visuals.add(
                        prepared.get(i) instanceof VlmInputs.Visual v
                                ? v
                                : inputs.visual(batch.get(i).image().pixels()));
                qs.add(batch.get(i).question());
            }
            float[][] p = run(() -> inputs.vqaProbabilities(visuals, qs));
            List<VqaAnswer> out = new ArrayList<>(batch.size());
            for (float[] row : p) {
                int best = VlmEvaluation.argmax(row);
                out.add(new VqaAnswer(vlm.answers().token(best), row[best]));
            }
            return out;
        }
    }

    static final class Match implements ModelService<MatchRequest, Double> {
        private final VlmInputs inputs;

        Match(VlmModel vlm) {
            this.inputs = new VlmInputs(vlm);
        }

        @Override
        public Object prepare(MatchRequest request) {
            return inputs.visual(request.image().pixels());
        }

        @Override
        public List<Double> apply(List<MatchRequest> batch) throws ModelServiceException {
            return apply(batch, Collections.nCopies(batch.size(), null));
        }

        @Override
        public List<Double> apply(List<MatchRequest> batch, List<Object> prepared) throws ModelServiceException {
            List<VlmInputs.Visual> visuals = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                visuals.add(
                        prepared.get(i) instanceof VlmInputs.Visual v
                                ? v
                                : inputs.visual(batch.get(i).image().pixels()));
            }
            float[] p = run(() -> inputs.matchProbabilities(
                    visuals, batch.stream().map(MatchRequest::text).toList()));
            List<Double> out = new ArrayList<>(p.length);
            for (float v : p) out.add((double) v);
            return out;
        }
    }

    static final class Loc implements ModelService<LocRequest, List<Detection>> {
        private final VlmInputs inputs;
        private final double threshold;

        Loc(VlmModel vlm) {
            this.inputs = new VlmInputs(vlm);
            this.threshold = vlm.locThreshold();
        }

        @Override
        public Object prepare(LocRequest request) {
            return inputs.whole(request.image().pixels());
        }

        @Override
        public List<List<Detection>> apply(List<LocRequest> batch) throws ModelServiceException {
            return apply(batch, Collections.nCopies(batch.size(), null));
        }

        @Override
        public List<List<Detection>> apply(List<LocRequest> batch, List<Object> prepared) throws ModelServiceException {
            List<float[]> wholes = new ArrayList<>(batch.size());
            List<int[]> sizes = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                BufferedImage img = batch.get(i).image().pixels();
                wholes.add(prepared.get(i) instanceof float[] f ? f : inputs.whole(img));
                sizes.add(new int[] {img.getWidth(), img.getHeight()});
            }
            List<List<GridBoxes.Scored>> found = run(() -> inputs.locate(
                    wholes, sizes, batch.stream().map(LocRequest::object).toList(), threshold, NMS_IOU, MAX_BOXES));
            List<List<Detection>> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                List<Detection> d = new ArrayList<>();
                for (GridBoxes.Scored s : found.get(i))
                    d.add(new Detection(s.box(), batch.get(i).object(), s.score()));
                out.add(d);
            }
            return out;
        }
    }

    interface Call<T> {
        T get();
    }

    /** Engine errors become service errors, so one bad batch fails its steps, not the run. */
    static <T> T run(Call<T> call) throws ModelServiceException {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new ModelServiceException("student VLM failed: " + e.getMessage(), e);
        }
    }
}
