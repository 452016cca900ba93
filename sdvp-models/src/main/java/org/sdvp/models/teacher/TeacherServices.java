package org.sdvp.models.teacher;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaDistributionService;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Detection;
import org.sdvp.world.program.VqaForms;
import org.sdvp.world.question.Description;

/**
 * A teacher's model services, each claiming only the calls it can answer ({@link ModelService#covers}):
 * <ul>
 *   <li>VQA: the world's sub-question forms — query/verify/choose an attribute on an object crop (attribute
 *       head), and exist / how many / query / verify / choose on a whole image (detector);</li>
 *   <li>MATCH: texts made only of attribute words and an optional noun ("red", "metal cube") on crops;</li>
 *   <li>LOC: attribute phrases ("small red cube", "metal objects").</li>
 * </ul>
 * Anything else (free questions, referring expressions with relations) goes to the next backend, and so do
 * the forms the teacher did not answer well on its validation split ({@link TeacherCoverage}).
 */
public final class TeacherServices {
    /** Images whose long side exceeds this are whole images (the detector answers), others crops. */
    public static final int WHOLE_IMAGE_SIDE = 96;

    public static final double LOC_THRESHOLD = 0.5;

    private TeacherServices() {}

    /** The bundle for {@code --modules teacher:DIR}; closing it closes the teacher. */
    public static ModelServices of(String name, TeacherModel teacher) {
        return builder(name, teacher).closing(teacher).build();
    }

    /**
     * The same services over a teacher the caller keeps owning: closing the bundle leaves the teacher open
     * (pseudo-labelling borrows a teacher for a while).
     */
    public static ModelServices borrowing(String name, TeacherModel teacher) {
        return builder(name, teacher).build();
    }

    private static ModelServices.Builder builder(String name, TeacherModel teacher) {
        return ModelServices.builder(name)
                .vqa(new Vqa(teacher))
                .match(new Match(teacher))
                .loc(new Loc(teacher));
    }

    /** Whether the teacher treats an image as a whole image (detector) rather than a crop (attribute head). */
    public static boolean whole(BufferedImage img) {
        return Math.max(img.getWidth(), img.getHeight()) > WHOLE_IMAGE_SIDE;
    }

    /** The teacher's answer distributions for VQA requests it covers (SDVP's VQA pseudo-labels). */
    public static List<Map<String, Double>> vqaDistributions(TeacherModel t, List<VqaRequest> batch) {
        List<BufferedImage> crops = new ArrayList<>(), frames = new ArrayList<>();
        List<Integer> cropIdx = new ArrayList<>(), frameIdx = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            BufferedImage img = batch.get(i).image().pixels();
            if (whole(img)) {
                frames.add(img);
                frameIdx.add(i);
            } else {
                crops.add(img);
                cropIdx.add(i);
            }
        }
        List<Map<String, Double>> out = new ArrayList<>(java.util.Collections.nCopies(batch.size(), null));
        if (!crops.isEmpty()) {
            float[][] p = t.attributeProbabilities(crops);
            for (int k = 0; k < crops.size(); k++) {
                int i = cropIdx.get(k);
                out.set(i, TeacherAnswers.aboutCrop(form(batch.get(i)), p[k]));
            }
        }
        if (!frames.isEmpty()) {
            List<List<TeacherModel.Found>> f = t.detect(frames, TeacherAnswers.OBJECTNESS);
            for (int k = 0; k < frames.size(); k++) {
                int i = frameIdx.get(k);
                out.set(i, TeacherAnswers.aboutImage(form(batch.get(i)), f.get(k)));
            }
        }
        return out;
    }

    private static VqaForms form(VqaRequest r) {
        return TeacherAnswers.form(r.question())
                .orElseThrow(() ->
                        new IllegalArgumentException("the teacher does not cover the question '" + r.question() + "'"));
    }

    /** Answers with the teacher's whole distribution too ({@link VqaDistributionService}: SDVP's soft labels). */
    static final class Vqa implements VqaDistributionService {
        private final TeacherModel teacher;

        Vqa(TeacherModel teacher) {
            this.teacher = teacher;
        }

        @Override
        public boolean covers(VqaRequest r) {
            // on a crop only attribute questions make sense (vqaForm gives none for existence and counts there);
            // of the rest, the forms the teacher answered well on validation
            Optional<String> f =
                    TeacherCoverage.vqaForm(r.question(), whole(r.image().pixels()));
            return f.isPresent();
        }

        @Override
        public List<Map<String, Double>> distributions(List<VqaRequest> batch) throws ModelServiceException {
            try {
                return vqaDistributions(teacher, batch);
            } catch (RuntimeException e) {
                throw new ModelServiceException("teacher failed on a VQA batch: " + e.getMessage(), e);
            }
        }

        @Override
        public List<VqaAnswer> apply(List<VqaRequest> batch) throws ModelServiceException {
            try {
                List<VqaAnswer> out = new ArrayList<>(batch.size());
                for (Map<String, Double> d : vqaDistributions(teacher, batch)) {
                    Map.Entry<String, Double> best = TeacherAnswers.argmax(d);
                    out.add(new VqaAnswer(best.getKey(), best.getValue()));
                }
                return out;
            } catch (RuntimeException e) {
                throw new ModelServiceException("teacher failed: " + e.getMessage(), e);
            }
        }
    }

    static final class Match implements ModelService<MatchRequest, Double> {
        private final TeacherModel teacher;

        Match(TeacherModel teacher) {
            this.teacher = teacher;
        }

        @Override
        public boolean covers(MatchRequest r) {
            return !whole(r.image().pixels()) && Description.parse(r.text()).isPresent();
        }

        @Override
        public List<Double> apply(List<MatchRequest> batch) throws ModelServiceException {
            try {
                float[][] p = teacher.attributeProbabilities(
                        batch.stream().map(r -> r.image().pixels()).toList());
                List<Double> out = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    Description d = Description.parse(batch.get(i).text()).orElseThrow();
                    out.add(TeacherAnswers.fit(d, p[i]));
                }
                return out;
            } catch (RuntimeException e) {
                throw new ModelServiceException("teacher failed: " + e.getMessage(), e);
            }
        }
    }

    static final class Loc implements ModelService<LocRequest, List<Detection>> {
        private final TeacherModel teacher;

        Loc(TeacherModel teacher) {
            this.teacher = teacher;
        }

        @Override
        public boolean covers(LocRequest r) {
            return Description.parse(r.object()).isPresent();
        }

        @Override
        public List<List<Detection>> apply(List<LocRequest> batch) throws ModelServiceException {
            try {
                List<List<TeacherModel.Found>> found = teacher.detect(
                        batch.stream().map(r -> r.image().pixels()).toList(), TeacherAnswers.OBJECTNESS);
                List<List<Detection>> out = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    Description d = Description.parse(batch.get(i).object()).orElseThrow();
                    List<Detection> hits = new ArrayList<>();
                    for (TeacherModel.Found f : found.get(i)) {
                        double s = f.objectness() * TeacherAnswers.fit(d, f.attributes());
                        if (s >= LOC_THRESHOLD)
                            hits.add(new Detection(f.box(), batch.get(i).object(), s));
                    }
                    hits.sort((a, b) -> Double.compare(b.score(), a.score()));
                    out.add(hits);
                }
                return out;
            } catch (RuntimeException e) {
                throw new ModelServiceException("teacher failed: " + e.getMessage(), e);
            }
        }
    }
}
