package org.sdvp.world.question;

import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Relation;
import org.sdvp.world.scene.Scene;

/** gqa-sim: compositional questions about one image, in GQA's structural types. */
public final class GqaQuestions implements QuestionFactory {

    @Override
    public List<String> types() {
        return List.of("query", "verify", "exist", "relate", "and", "or", "choose", "compare");
    }

    @Override
    public Question make(String type, List<Scene> scenes, SplittableRandom rng) {
        Scene s = scenes.get(0);
        List<Integer> all = Referring.all(s);
        int t = rng.nextInt(s.size());
        Attribute a = Attribute.values()[rng.nextInt(4)];
        FProgram.Builder b = FProgram.builder();
        switch (type) {
            case "query": {
                Description d = Referring.unique(s, all, t, a, rng);
                if (d == null) return null;
                b.op("query_" + a.word(), b.op("unique", b.filter(b.scene(null), d)));
                return new Question(type, "What " + a.word() + " is the " + d.phrase() + "?", b.build());
            }
            case "verify": {
                Description d = Referring.unique(s, all, t, a, rng);
                if (d == null) return null;
                String v = rng.nextBoolean()
                        ? s.object(t).get(a)
                        : Referring.other(rng, a, s.object(t).get(a));
                b.op("verify_" + a.word(), List.of(v), b.op("unique", b.filter(b.scene(null), d)));
                return new Question(type, "Is the " + d.phrase() + " " + Referring.predicate(a, v) + "?", b.build());
            }
            case "choose": {
                Description d = Referring.unique(s, all, t, a, rng);
                if (d == null) return null;
                String v1 = s.object(t).get(a), v2 = Referring.other(rng, a, v1);
                if (rng.nextBoolean()) {
                    String x = v1;
                    v1 = v2;
                    v2 = x;
                }
                b.op("choose_" + a.word(), List.of(v1, v2), b.op("unique", b.filter(b.scene(null), d)));
                return new Question(
                        type,
                        "Is the " + d.phrase() + " " + Referring.predicate(a, v1) + " or " + Referring.predicate(a, v2)
                                + "?",
                        b.build());
            }
            case "exist":
                return rng.nextBoolean() ? exist(s, rng) : existRelated(s, rng);
            case "relate": {
                Description d1 = Referring.unique(s, all, t, null, rng);
                if (d1 == null) return null;
                Relation rel = Relation.values()[rng.nextInt(4)];
                List<Integer> related = s.related(rel, t);
                if (related.isEmpty()) return null;
                int u = related.get(rng.nextInt(related.size()));
                Description d2 = Referring.unique(s, related, u, a, rng);
                if (d2 == null) return null;
                int ref = b.op("unique", b.filter(b.scene(null), d1));
                int rs = b.op("relate", List.of(rel.word()), ref);
                b.op("query_" + a.word(), b.op("unique", b.filter(rs, d2)));
                return new Question(
                        type,
                        "What " + a.word() + " is the " + d2.phrase() + " " + rel.phrase() + " the " + d1.phrase()
                                + "?",
                        b.build());
            }
            case "and", "or": {
                Description d1 = loose(s, rng), d2 = loose(s, rng);
                if (d1.equals(d2)) return null;
                int e1 = b.op("exist", b.filter(b.scene(null), d1));
                int e2 = b.op("exist", b.filter(b.scene(null), d2));
                b.op(type, e1, e2);
                String text = type.equals("and")
                        ? "Is there both " + d1.withArticle() + " and " + d2.withArticle() + "?"
                        : "Is there " + d1.withArticle() + " or " + d2.withArticle() + "?";
                return new Question(type, text, b.build());
            }
            case "compare":
                return compare(s, t, a, rng);
            default:
                throw new IllegalArgumentException("unknown gqa-sim type " + type);
        }
    }

    /** Half the time built from a present object (so "yes" is reachable), else drawn blind. */
    static Description loose(Scene s, SplittableRandom rng) {
        return rng.nextBoolean() ? Referring.of(s, rng.nextInt(s.size()), rng, 3) : Referring.loose(rng, 2);
    }

    private static Question exist(Scene s, SplittableRandom rng) {
        Description d = loose(s, rng);
        FProgram.Builder b = FProgram.builder();
        b.op("exist", b.filter(b.scene(null), d));
        return new Question("exist", "Is there " + d.withArticle() + "?", b.build());
    }

    private static Question existRelated(Scene s, SplittableRandom rng) {
        int t = rng.nextInt(s.size());
        Description d1 = Referring.unique(s, Referring.all(s), t, null, rng);
        if (d1 == null) return null;
        Relation rel = Relation.values()[rng.nextInt(4)];
        List<Integer> related = s.related(rel, t);
        Description d2 = !related.isEmpty() && rng.nextBoolean()
                ? Referring.of(s, related.get(rng.nextInt(related.size())), rng, 2)
                : Referring.loose(rng, 2);
        FProgram.Builder b = FProgram.builder();
        int rs = b.op("relate", List.of(rel.word()), b.op("unique", b.filter(b.scene(null), d1)));
        b.op("exist", b.filter(rs, d2));
        return new Question(
                "exist", "Is there " + d2.withArticle() + " " + rel.phrase() + " the " + d1.phrase() + "?", b.build());
    }

    private static Question compare(Scene s, int t1, Attribute a, SplittableRandom rng) {
        List<Integer> all = Referring.all(s);
        List<Integer> same = all.stream()
                .filter(i -> i != t1 && s.object(i).get(a).equals(s.object(t1).get(a)))
                .toList();
        List<Integer> others = all.stream().filter(i -> i != t1).toList();
        List<Integer> pool = !same.isEmpty() && rng.nextBoolean() ? same : others;
        int t2 = pool.get(rng.nextInt(pool.size()));
        Description d1 = Referring.unique(s, all, t1, a, rng), d2 = Referring.unique(s, all, t2, a, rng);
        if (d1 == null || d2 == null) return null;
        boolean different = rng.nextBoolean();
        FProgram.Builder b = FProgram.builder();
        int q1 = b.op("query_" + a.word(), b.op("unique", b.filter(b.scene(null), d1)));
        int q2 = b.op("query_" + a.word(), b.op("unique", b.filter(b.scene(null), d2)));
        int eq = b.op("equal_" + a.word(), q1, q2);
        if (different) b.op("not", eq);
        String text = different
                ? "Does the " + d1.phrase() + " have a different " + a.word() + " from the " + d2.phrase() + "?"
                : "Does the " + d1.phrase() + " have the same " + a.word() + " as the " + d2.phrase() + "?";
        return new Question("compare", text, b.build());
    }
}
