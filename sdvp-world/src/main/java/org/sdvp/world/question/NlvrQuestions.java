package org.sdvp.world.question;

import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Scene;

/** nlvr-sim: true/false statements about an image pair (left, right), as in NLVR2. */
public final class NlvrQuestions implements QuestionFactory {

    @Override
    public List<String> types() {
        return List.of(
                "count_total",
                "count_one",
                "count_each",
                "compare_count",
                "exist_both",
                "exist_one",
                "exist_none",
                "attribute");
    }

    @Override
    public int images() {
        return 2;
    }

    @Override
    public Question make(String type, List<Scene> scenes, SplittableRandom rng) {
        Scene left = scenes.get(0), right = scenes.get(1);
        Scene from = rng.nextBoolean() ? left : right;
        Description d =
                rng.nextInt(3) != 0 ? Referring.of(from, rng.nextInt(from.size()), rng, 2) : Referring.loose(rng, 2);
        FProgram.Builder b = FProgram.builder();
        switch (type) {
            case "count_total": {
                int actual =
                        Referring.count(left, Referring.all(left), d) + Referring.count(right, Referring.all(right), d);
                int n = rng.nextBoolean()
                        ? actual
                        : Math.max(0, actual + (rng.nextBoolean() ? 1 : -1) * (1 + rng.nextInt(2)));
                if (n == 0) return null;
                b.op(
                        "equal_integer",
                        b.op("add", count(b, "left", d), count(b, "right", d)),
                        b.op("integer", List.of(Integer.toString(n))));
                return new Question(
                        type,
                        "There " + (n == 1 ? "is " : "are ") + "exactly " + amount(n, d) + " in total.",
                        b.build());
            }
            case "count_one": {
                int n = 1 + rng.nextInt(3);
                int l = b.op("equal_integer", count(b, "left", d), b.op("integer", List.of(Integer.toString(n))));
                int r = b.op("equal_integer", count(b, "right", d), b.op("integer", List.of(Integer.toString(n))));
                b.op("xor", l, r);
                return new Question(type, "Exactly one image contains exactly " + amount(n, d) + ".", b.build());
            }
            case "count_each": {
                int n = 1 + rng.nextInt(2);
                String m = Integer.toString(n - 1);
                int l = b.op("greater_than", count(b, "left", d), b.op("integer", List.of(m)));
                int r = b.op("greater_than", count(b, "right", d), b.op("integer", List.of(m)));
                b.op("and", l, r);
                return new Question(type, "Each image contains at least " + amount(n, d) + ".", b.build());
            }
            case "compare_count": {
                boolean more = rng.nextBoolean();
                b.op(more ? "greater_than" : "less_than", count(b, "left", d), count(b, "right", d));
                return new Question(
                        type,
                        "The left image contains " + (more ? "more " : "fewer ") + d.plural()
                                + " than the right image.",
                        b.build());
            }
            case "exist_both", "exist_one", "exist_none": {
                int l = b.op("exist", b.filter(b.scene("left"), d));
                int r = b.op("exist", b.filter(b.scene("right"), d));
                String text;
                if (type.equals("exist_both")) {
                    b.op("and", l, r);
                    text = "Both images contain " + d.withArticle() + ".";
                } else if (type.equals("exist_one")) {
                    b.op("xor", l, r);
                    text = "Exactly one image contains " + d.withArticle() + ".";
                } else {
                    b.op("and", b.op("not", l), b.op("not", r));
                    text = "Neither image contains " + d.withArticle() + ".";
                }
                return new Question(type, text, b.build());
            }
            case "attribute": {
                String side = from == left ? "left" : "right";
                int t = rng.nextInt(from.size());
                Attribute a = Attribute.values()[rng.nextInt(4)];
                Description u = Referring.unique(from, Referring.all(from), t, a, rng);
                if (u == null) return null;
                String v = rng.nextBoolean()
                        ? from.object(t).get(a)
                        : Referring.other(rng, a, from.object(t).get(a));
                b.op("verify_" + a.word(), List.of(v), b.op("unique", b.filter(b.scene(side), u)));
                return new Question(
                        type,
                        "The " + u.phrase() + " in the " + side + " image is " + Referring.predicate(a, v) + ".",
                        b.build());
            }
            default:
                throw new IllegalArgumentException("unknown nlvr-sim type " + type);
        }
    }

    private static int count(FProgram.Builder b, String side, Description d) {
        return b.op("count", b.filter(b.scene(side), d));
    }

    /** "one red cube", "two red cubes". */
    static String amount(int n, Description d) {
        return Referring.number(n) + " " + (n == 1 ? d.phrase() : d.plural());
    }
}
