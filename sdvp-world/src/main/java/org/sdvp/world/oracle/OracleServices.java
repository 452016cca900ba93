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
import org.sdvp.core.service.PerRequestService;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
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
        return ModelServices.builder("oracle")
                .loc(loc(index, edited))
                .vqa(vqa(index, edited))
                .match(match(index, edited))
                .tools(OracleTools.create(index, edited))
                .build();
    }

    /** Phrases outside the vocabulary are left to the next backend of a chain, if any. */
    static ModelService<LocRequest, List<Detection>> loc(SceneIndex index, EditedScenes edited) {
        return new PerRequestService<>(
                r -> locate(region(r.image(), index, edited), r.object()),
                r -> Description.parse(r.object()).isPresent());
    }

    static ModelService<VqaRequest, VqaAnswer> vqa(SceneIndex index, EditedScenes edited) {
        return new PerRequestService<>(
                r -> {
                    Optional<OracleQuestion> q = OracleQuestion.parse(r.question());
                    return q.isEmpty()
                            ? new VqaAnswer("unknown", 0)
                            : answer(region(r.image(), index, edited), q.get());
                },
                r -> OracleQuestion.parse(r.question()).isPresent());
    }

    static ModelService<MatchRequest, Double> match(SceneIndex index, EditedScenes edited) {
        return PerRequestService.of(r -> {
            Region region = region(r.image(), index, edited);
            int subject = region.subject();
            return subject >= 0 && Phrases.resolve(region.scene(), r.text()).contains(subject) ? 1.0 : 0.0;
        });
    }

    static List<Detection> locate(Region region, String phrase) {
        Scene s = region.scene();
        List<Integer> described = Phrases.resolve(s, phrase);
        List<Integer> hits = region.objects().stream()
                .filter(described::contains)
                .sorted(Comparator.<Integer>comparingInt(i -> -s.view(i).visibleArea())
                        .thenComparingInt(i -> i))
                .toList();
        List<Detection> out = new ArrayList<>();
        Box rb = region.box();
        for (int i : hits) {
            Box clipped = s.view(i).box().intersection(rb).translate(-rb.x1(), -rb.y1());
            out.add(new Detection(clipped, phrase, 1.0));
        }
        return out;
    }

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

    private static Region region(org.sdvp.core.value.ImageValue image, SceneIndex index, EditedScenes edited)
            throws ModelServiceException {
        try {
            return Region.of(image, index, edited);
        } catch (Region.UnknownImage e) {
            throw new ModelServiceException(e.getMessage());
        }
    }
}
