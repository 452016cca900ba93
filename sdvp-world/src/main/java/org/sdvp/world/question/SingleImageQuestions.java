package org.sdvp.world.question;

import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Relation;
import org.sdvp.world.scene.Scene;

/** The unseen tasks' questions: count-sim, ref-sim and tag-sim. */
public final class SingleImageQuestions {
    private SingleImageQuestions() {}

    /** count-sim: "How many …?", plain or relative to a referenced object. */
    public static final class Count implements QuestionFactory {
        @Override
        public List<String> types() {
            return List.of("count", "count_relate");
        }

        @Override
        public Question make(String type, List<Scene> scenes, SplittableRandom rng) {
            Scene s = scenes.get(0);
            FProgram.Builder b = FProgram.builder();
            if (type.equals("count")) {
                Description d =
                        rng.nextInt(4) != 0 ? Referring.of(s, rng.nextInt(s.size()), rng, 2) : Referring.loose(rng, 2);
                b.op("count", b.filter(b.scene(null), d));
                return new Question(type, "How many " + d.plural() + " are there?", b.build());
            }
            int t = rng.nextInt(s.size());
            Description d1 = Referring.unique(s, Referring.all(s), t, null, rng);
            if (d1 == null) return null;
            Relation rel = Relation.values()[rng.nextInt(4)];
            List<Integer> related = s.related(rel, t);
            Description d2 = related.isEmpty() || rng.nextInt(3) == 0
                    ? Referring.loose(rng, 1)
                    : Referring.of(s, related.get(rng.nextInt(related.size())), rng, 1);
            if (rng.nextInt(4) == 0) d2 = Description.ANY;
            int rs = b.op("relate", List.of(rel.word()), b.op("unique", b.filter(b.scene(null), d1)));
            b.op("count", b.filter(rs, d2));
            return new Question(
                    type, "How many " + d2.plural() + " are " + rel.phrase() + " the " + d1.phrase() + "?", b.build());
        }
    }

    /** ref-sim: a referring expression, answered by the referent's box. */
    public static final class Ref implements QuestionFactory {
        @Override
        public List<String> types() {
            return List.of("ref_attribute", "ref_relate");
        }

        @Override
        public Question make(String type, List<Scene> scenes, SplittableRandom rng) {
            Scene s = scenes.get(0);
            int t = rng.nextInt(s.size());
            Description d1 = Referring.unique(s, Referring.all(s), t, null, rng);
            if (d1 == null || d1.constraints() == 0) return null;
            FProgram.Builder b = FProgram.builder();
            int ref = b.op("unique", b.filter(b.scene(null), d1));
            if (type.equals("ref_attribute")) return new Question(type, "the " + d1.phrase(), b.build());
            Relation rel = Relation.values()[rng.nextInt(4)];
            List<Integer> related = s.related(rel, t);
            if (related.isEmpty()) return null;
            int u = related.get(rng.nextInt(related.size()));
            Description d2 = Referring.unique(s, related, u, null, rng);
            if (d2 == null) return null;
            // an expression only worth its relation when the noun alone is ambiguous in the image
            if (Referring.count(s, Referring.all(s), d2) < 2) return null;
            b.op("unique", b.filter(b.op("relate", List.of(rel.word()), ref), d2));
            return new Question(type, "the " + d2.phrase() + " " + rel.phrase() + " the " + d1.phrase(), b.build());
        }
    }

    /** tag-sim: "Tag the … with their …s." */
    public static final class Tagging implements QuestionFactory {
        @Override
        public List<String> types() {
            return List.of("tag_color", "tag_shape", "tag_material", "tag_size");
        }

        @Override
        public Question make(String type, List<Scene> scenes, SplittableRandom rng) {
            Scene s = scenes.get(0);
            Attribute a = Attribute.ofWord(type.substring("tag_".length()));
            int t = rng.nextInt(s.size());
            Description d = Description.ANY;
            if (rng.nextInt(3) != 0) {
                Attribute by = Attribute.values()[rng.nextInt(4)];
                if (by != a) d = d.with(by, s.object(t).get(by));
            }
            FProgram.Builder b = FProgram.builder();
            b.op("tag", List.of(a.word()), b.filter(b.scene(null), d));
            return new Question(type, "Tag the " + d.plural() + " with their " + a.word() + "s.", b.build());
        }
    }
}
