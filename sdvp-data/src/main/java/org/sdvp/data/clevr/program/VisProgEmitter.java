package org.sdvp.data.clevr.program;

import java.util.Locale;
import java.util.regex.Pattern;
import org.sdvp.data.program.VisProgWriter;

/**
 * Writes a functional program as a VisProg program, with VisProg's module sets:
 * <ul>
 *   <li>{@link Flavor#GQA}: objects are found with LOC (inside a CROP_LEFTOF/RIGHTOF/ABOVE/BELOW of a
 *       located reference for relations; CLEVR's behind/front crop above/below), counted with COUNT, looked
 *       at through CROP + VQA; logic in EVAL; the answer a word ({@code 'yes' if … else 'no'}).</li>
 *   <li>{@link Flavor#NLVR}: VQA on LEFT and RIGHT directly for existence and attributes, LOC + COUNT on
 *       them for counts, EVAL combining them into a boolean.</li>
 * </ul>
 * A unique referent as the answer (ref-sim) becomes LOC, or LOC + SELECT with the whole expression when it
 * involves a relation (boxes found inside a crop would be in the crop's coordinates); {@code tag} becomes
 * LOC + CLASSIFY + TAG. VQA questions are {@link SubQuestions}. Used by sdvp-world's tasks and the
 * {@code clevr} dataset alike.
 *
 * <p>One emitter per program: not thread-safe, cheap to create.
 */
public final class VisProgEmitter {
    private static final Pattern SINGLE_VAR = Pattern.compile("\\{(\\w+)}");

    private final FunctionalProgram program;
    private final Flavor flavor;
    /** Line syntax, per-prefix numbering and quoting are shared with sdvp-data's dataset converters. */
    private final VisProgWriter w = new VisProgWriter();

    private VisProgEmitter(FunctionalProgram program, Flavor flavor) {
        this.program = program;
        this.flavor = flavor;
    }

    /** @throws IllegalArgumentException for a program shape VisProg's modules do not express */
    public static String emit(FunctionalProgram program, Flavor flavor) {
        return new VisProgEmitter(program, flavor).run();
    }

    /** Objects matching {@code np} inside the image variable {@code image}. */
    private record Located(String image, NounPhrase np) {}

    private String run() {
        Fn root = program.node(program.root());
        String result = flavor == Flavor.NLVR ? "FINAL_ANSWER" : "FINAL_RESULT";
        String var;
        if (root instanceof Fn.Unique) {
            var = referent(program.root());
        } else if (root instanceof Fn.Tag t) {
            var = tag(t);
        } else {
            String e = expr(program.root());
            var m = SINGLE_VAR.matcher(e);
            if (m.matches()) {
                var = m.group(1);
            } else {
                var = w.eval(flavor == Flavor.GQA && Fn.isBoolean(root) ? "'yes' if " + e + " else 'no'" : e);
            }
        }
        w.result(result, var);
        return w.text();
    }

    /** {@code LOC(image=IMAGE,object='phrase')}. */
    private String loc(String image, NounPhrase np) {
        return w.step("BOX", "LOC", "image", image, "object", VisProgWriter.quote(np.phrase()));
    }

    private Located locate(int index) {
        Fn n = program.node(index);
        if (n instanceof Fn.Scene s) {
            return new Located(s.side().map(x -> x.toUpperCase(Locale.ROOT)).orElse("IMAGE"), NounPhrase.ANY);
        }
        if (n instanceof Fn.Filter f) {
            Located in = locate(f.input());
            return new Located(in.image(), in.np().with(f.attribute(), f.value()));
        }
        if (n instanceof Fn.Relate r) {
            Located ref = locate(uniqueInput(r.input()));
            String box = loc(ref.image(), ref.np());
            return new Located(
                    w.step("IMAGE", ClevrSchema.cropModule(r.relation()), "image", ref.image(), "box", box),
                    NounPhrase.ANY);
        }
        throw new IllegalArgumentException("not an object set: " + n.function());
    }

    /** The input of the {@code unique} node {@code index}. */
    private int uniqueInput(int index) {
        Fn n = program.node(index);
        if (n instanceof Fn.Unique u) return u.input();
        throw new IllegalArgumentException("expected unique, got " + n.function());
    }

    /** An EVAL expression for the node's value, emitting the steps it needs. */
    private String expr(int index) {
        Fn n = program.node(index);
        if (n instanceof Fn.Count c) return "{" + count(locate(c.input())) + "}";
        if (n instanceof Fn.Exist e) {
            Located l = locate(e.input());
            if (flavor == Flavor.NLVR && !l.image().startsWith("IMAGE"))
                return "{" + vqa(l.image(), SubQuestions.exist(l.np())) + "}";
            return "({" + count(l) + "} > 0)";
        }
        if (n instanceof Fn.Constant c) return Integer.toString(c.value());
        if (n instanceof Fn.Add a) return binary(a.left(), "+", a.right());
        if (n instanceof Fn.CompareIntegers c)
            return binary(c.left(), c.comparison().symbol(), c.right());
        if (n instanceof Fn.EqualAttribute e) return binary(e.left(), "==", e.right());
        if (n instanceof Fn.Logic l) return binary(l.left(), l.connective().function(), l.right());
        if (n instanceof Fn.Not x) return "(not " + expr(x.input()) + ")";
        if (n instanceof Fn.Query q) {
            Located l = locate(uniqueInput(q.input()));
            return "{" + look(l, SubQuestions.query(l.np(), q.attribute())) + "}";
        }
        if (n instanceof Fn.Verify v) {
            Located l = locate(uniqueInput(v.input()));
            return "{" + look(l, SubQuestions.verify(l.np(), v.attribute(), v.value())) + "}";
        }
        if (n instanceof Fn.Choose c) {
            Located l = locate(uniqueInput(c.input()));
            return "{" + look(l, SubQuestions.choose(l.np(), c.attribute(), c.first(), c.second())) + "}";
        }
        throw new IllegalArgumentException("no VisProg translation for '" + n.function() + "'");
    }

    private String binary(int left, String op, int right) {
        return "(" + expr(left) + " " + op + " " + expr(right) + ")";
    }

    private String count(Located l) {
        return w.step("ANSWER", "COUNT", "box", loc(l.image(), l.np()));
    }

    /** GQA: locate the object and ask about a crop around it; NLVR: ask about the whole image. */
    private String look(Located l, String question) {
        if (flavor == Flavor.NLVR) return vqa(l.image(), question);
        String crop = w.step("IMAGE", "CROP", "image", l.image(), "box", loc(l.image(), l.np()));
        return vqa(crop, question);
    }

    private String vqa(String image, String question) {
        return w.step("ANSWER", "VQA", "image", image, "question", VisProgWriter.quote(question));
    }

    private String referent(int uniqueNode) {
        int setNode = uniqueInput(uniqueNode);
        NounPhrase np = NounPhrase.ANY;
        int cur = setNode;
        while (program.node(cur) instanceof Fn.Filter f) {
            np = np.with(f.attribute(), f.value());
            cur = f.input();
        }
        if (program.node(cur) instanceof Fn.Scene) {
            Located l = locate(setNode);
            return loc(l.image(), l.np());
        }
        // relational: boxes found inside a directional crop would be in the crop's coordinates, so the
        // candidates are located in the whole image and SELECT picks the one the whole expression describes
        String box = loc("IMAGE", np);
        return w.step(
                "BOX",
                "SELECT",
                "image",
                "IMAGE",
                "object",
                box,
                "query",
                VisProgWriter.quote(describe(program, setNode)));
    }

    /** The referring expression of an object set: "cube to the left of the red sphere". */
    public static String describe(FunctionalProgram program, int setNode) {
        NounPhrase d = NounPhrase.ANY;
        int cur = setNode;
        while (program.node(cur) instanceof Fn.Filter f) {
            d = d.with(f.attribute(), f.value());
            cur = f.input();
        }
        Fn n = program.node(cur);
        if (n instanceof Fn.Scene) return d.phrase();
        if (n instanceof Fn.Relate r && program.node(r.input()) instanceof Fn.Unique u) {
            return d.phrase() + " " + ClevrSchema.relationPhrase(r.relation()) + " the " + describe(program, u.input());
        }
        throw new IllegalArgumentException("not an object set: " + n.function());
    }

    private String tag(Fn.Tag t) {
        Located l = locate(t.input());
        String box = loc(l.image(), l.np());
        String obj = w.step(
                "OBJ",
                "CLASSIFY",
                "image",
                l.image(),
                "object",
                box,
                "categories",
                VisProgWriter.quote(String.join(",", ClevrSchema.values(t.attribute()))));
        return w.step("IMAGE", "TAG", "image", l.image(), "object", obj);
    }
}
