package org.sdvp.world.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.sdvp.world.scene.Relation;
import org.sdvp.world.scene.Scene;

/**
 * Model services that answer from scene annotations instead of pixels: the ceiling of every table, and
 * the check that converters and interpreter agree with the symbolic executor.
 * <ul>
 *   <li>LOC: the objects in the image matching the phrase, their visible boxes clipped to the image.</li>
 *   <li>VQA: the {@link VqaForms} sub-questions, about the matching object nearest the image's centre.</li>
 *   <li>MATCH: 1 when the crop's subject fits the text (a phrase, or a referring expression with
 *       "to the left of the …"), else 0.</li>
 * </ul>
 * Stateless apart from the immutable index; thread-safe.
 */
public final class OracleServices {
    private OracleServices() {}

    public static ModelServices create(SceneIndex index) {
        return ModelServices.builder("oracle").loc(new Loc(index)).vqa(new Vqa(index)).match(new Match(index)).build();
    }

    static final class Loc implements ModelService<LocRequest, List<Detection>> {
        private final SceneIndex index;

        Loc(SceneIndex index) { this.index = index; }

        @Override
        public List<List<Detection>> apply(List<LocRequest> batch) throws ModelServiceException {
            List<List<Detection>> out = new ArrayList<>();
            for (LocRequest r : batch) out.add(locate(region(r.image(), index), r.object()));
            return out;
        }

        @Override public boolean covers(LocRequest r) { return Description.parse(r.object()).isPresent(); }

        static List<Detection> locate(Region region, String phrase) {
            Optional<Description> d = Description.parse(phrase);
            if (d.isEmpty()) return List.of();
            Scene s = region.scene();
            List<Integer> hits = region.objects().stream().filter(i -> d.get().matches(s.object(i)))
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

        Vqa(SceneIndex index) { this.index = index; }

        @Override
        public List<VqaAnswer> apply(List<VqaRequest> batch) throws ModelServiceException {
            List<VqaAnswer> out = new ArrayList<>();
            for (VqaRequest r : batch) {
                Optional<VqaForms> form = VqaForms.parse(r.question());
                out.add(form.isEmpty() ? new VqaAnswer("unknown", 0) : answer(region(r.image(), index), form.get()));
            }
            return out;
        }

        @Override public boolean covers(VqaRequest r) { return VqaForms.parse(r.question()).isPresent(); }

        static VqaAnswer answer(Region region, VqaForms form) {
            Scene s = region.scene();
            String a;
            if (form instanceof VqaForms.Query q) {
                int o = subject(region, q.np());
                a = o < 0 ? "unknown" : s.object(o).get(q.attribute());
            } else if (form instanceof VqaForms.Verify v) {
                int o = subject(region, v.np());
                a = o >= 0 && s.object(o).get(v.attribute()).equals(v.value()) ? "yes" : "no";
            } else if (form instanceof VqaForms.Choose c) {
                int o = subject(region, c.np());
                a = o >= 0 && s.object(o).get(c.attribute()).equals(c.second()) ? c.second() : c.first();
            } else if (form instanceof VqaForms.Exist e) {
                a = matching(region, e.np()).isEmpty() ? "no" : "yes";
            } else if (form instanceof VqaForms.HowMany h) {
                a = Integer.toString(matching(region, h.np()).size());
            } else {
                throw new IllegalStateException("unhandled form " + form);
            }
            return new VqaAnswer(a, 1.0);
        }

        private static List<Integer> matching(Region region, Description d) {
            return region.objects().stream().filter(i -> d.matches(region.scene().object(i))).toList();
        }

        private static int subject(Region region, Description d) {
            List<Integer> c = matching(region, d);
            return c.isEmpty() ? -1 : region.nearestCentre(c);
        }
    }

    static final class Match implements ModelService<MatchRequest, Double> {
        private static final Pattern RELATIONAL =
                Pattern.compile("(.+?) (to the left of|to the right of|above|below) the (.+)");
        private final SceneIndex index;

        Match(SceneIndex index) { this.index = index; }

        @Override
        public List<Double> apply(List<MatchRequest> batch) throws ModelServiceException {
            List<Double> out = new ArrayList<>();
            for (MatchRequest r : batch) {
                Region region = region(r.image(), index);
                int subject = region.subject();
                out.add(subject >= 0 && referents(region.scene(), r.text()).contains(subject) ? 1.0 : 0.0);
            }
            return out;
        }

        /** The objects of the scene that {@code text} describes ("red", "cube to the left of the red sphere"). */
        static List<Integer> referents(Scene s, String text) {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("^(the|a|an) ", "");
            Matcher m = RELATIONAL.matcher(t);
            if (m.matches()) {
                Optional<Description> d = Description.parse(m.group(1));
                if (d.isEmpty()) return List.of();
                Relation rel = switch (m.group(2)) {
                    case "to the left of" -> Relation.LEFT;
                    case "to the right of" -> Relation.RIGHT;
                    case "above" -> Relation.ABOVE;
                    default -> Relation.BELOW;
                };
                List<Integer> refs = referents(s, m.group(3));
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    if (!d.get().matches(s.object(i))) continue;
                    for (int r : refs) {
                        if (r != i && rel.holds(s.view(i), s.view(r))) {
                            out.add(i);
                            break;
                        }
                    }
                }
                return out;
            }
            Optional<Description> d = Description.parse(t);
            if (d.isEmpty()) return List.of();
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) if (d.get().matches(s.object(i))) out.add(i);
            return out;
        }
    }

    private static Region region(org.sdvp.core.value.ImageValue image, SceneIndex index) throws ModelServiceException {
        try {
            return Region.of(image, index);
        } catch (Region.UnknownImage e) {
            throw new ModelServiceException(e.getMessage());
        }
    }
}
