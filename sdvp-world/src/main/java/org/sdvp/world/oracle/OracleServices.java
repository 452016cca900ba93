package org.sdvp.world.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.world.program.VqaForms;
import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Scene;

/**
 * Model services that answer from scene annotations instead of pixels: the ceiling of every table, and
 * the check that converters and interpreter agree with the symbolic executor.
 * <ul>
 *   <li>LOC: the objects in the image matching the phrase, their visible boxes clipped to the image.</li>
 *   <li>VQA: the {@link org.sdvp.world.program.VqaForms} sub-questions (and paraphrases, see
 *       {@link OracleQuestion}), about the matching object nearest the image's centre.</li>
 *   <li>MATCH: 1 when the crop's subject fits the text (a phrase, or a referring expression with
 *       "to the left of the …"), else 0.</li>
 * </ul>
 * An edited image is answered from the scene its pixels show (a REPLACE re-render) or refused
 * ({@link EditedScenes}). Thread-safe.
 */
public final class OracleServices {
    private OracleServices() {}

    public static ModelServices create(SceneIndex index) {
        EditedScenes edited = new EditedScenes();
        return ModelServices.builder("oracle").loc(new Loc(index, edited)).vqa(new Vqa(index, edited))
                .match(new Match(index, edited)).tools(OracleTools.create(index, edited)).build();
    }

    static final class Loc implements ModelService<LocRequest, List<Detection>> {
        private final SceneIndex index;
        private final EditedScenes edited;

        Loc(SceneIndex index) { this(index, new EditedScenes()); }

        Loc(SceneIndex index, EditedScenes edited) {
            this.index = index;
            this.edited = edited;
        }

        @Override
        public List<List<Detection>> apply(List<LocRequest> batch) throws ModelServiceException {
            List<List<Detection>> out = new ArrayList<>();
            for (LocRequest r : batch) out.add(locate(region(r.image(), index, edited), r.object()));
            return out;
        }

        /** Phrases outside the vocabulary are left to the next backend of a chain, if any. */
        @Override public boolean covers(LocRequest r) { return Description.parse(r.object()).isPresent(); }

        static List<Detection> locate(Region region, String phrase) {
            Scene s = region.scene();
            List<Integer> described = Phrases.resolve(s, phrase);
            List<Integer> hits = region.objects().stream().filter(described::contains)
                    .sorted(Comparator.<Integer>comparingInt(i -> -s.view(i).visibleArea()).thenComparingInt(i -> i))
                    .toList();
            List<Detection> out = new ArrayList<>();
            Box rb = region.box();
            for (int i : hits) {
                Box clipped = s.view(i).box().intersection(rb).translate(-rb.x1(), -rb.y1());
                out.add(new Detection(clipped, phrase, 1.0));
            }
            return out;
        }
    }

    static final class Vqa implements ModelService<VqaRequest, VqaAnswer> {
        private final SceneIndex index;
        private final EditedScenes edited;

        Vqa(SceneIndex index) { this(index, new EditedScenes()); }

        Vqa(SceneIndex index, EditedScenes edited) {
            this.index = index;
            this.edited = edited;
        }

        @Override
        public List<VqaAnswer> apply(List<VqaRequest> batch) throws ModelServiceException {
            List<VqaAnswer> out = new ArrayList<>();
            for (VqaRequest r : batch) {
                Optional<OracleQuestion> q = OracleQuestion.parse(r.question());
                out.add(q.isEmpty() ? new VqaAnswer("unknown", 0) : answer(region(r.image(), index, edited), q.get()));
            }
            return out;
        }

        @Override public boolean covers(VqaRequest r) { return OracleQuestion.parse(r.question()).isPresent(); }

        static VqaAnswer answer(Region region, OracleQuestion question) {
            Scene s = region.scene();
            List<Integer> matching = new ArrayList<>(Phrases.resolve(s, question.np()));
            matching.retainAll(region.objects());
            int subject = matching.isEmpty() ? -1 : region.nearestCentre(matching);
            String a;
            if (question instanceof OracleQuestion.Query q) {
                a = subject < 0 ? "unknown" : s.object(subject).get(q.attribute());
            } else if (question instanceof OracleQuestion.Verify v) {
                a = subject >= 0 && s.object(subject).get(v.attribute()).equals(v.value()) ? "yes" : "no";
            } else if (question instanceof OracleQuestion.Choose c) {
                a = subject >= 0 && s.object(subject).get(c.attribute()).equals(c.second()) ? c.second() : c.first();
            } else if (question instanceof OracleQuestion.Exist) {
                a = matching.isEmpty() ? "no" : "yes";
            } else {
                a = Integer.toString(matching.size());
            }
            return new VqaAnswer(a, 1.0);
        }
    }

    static final class Match implements ModelService<MatchRequest, Double> {
        private final SceneIndex index;
        private final EditedScenes edited;

        Match(SceneIndex index) { this(index, new EditedScenes()); }

        Match(SceneIndex index, EditedScenes edited) {
            this.index = index;
            this.edited = edited;
        }

        @Override
        public List<Double> apply(List<MatchRequest> batch) throws ModelServiceException {
            List<Double> out = new ArrayList<>();
            for (MatchRequest r : batch) {
                Region region = region(r.image(), index, edited);
                int subject = region.subject();
                out.add(subject >= 0 && Phrases.resolve(region.scene(), r.text()).contains(subject) ? 1.0 : 0.0);
            }
            return out;
        }

    }

    private static Region region(org.sdvp.core.value.ImageValue image, SceneIndex index, EditedScenes edited)
            throws ModelServiceException {
        try {
            return Region.of(image, index, edited);
        } catch (Region.UnknownImage e) {
            throw new ModelServiceException(e.getMessage());
        }
    }
}
