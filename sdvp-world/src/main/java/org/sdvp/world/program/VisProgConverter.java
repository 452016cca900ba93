package org.sdvp.world.program;

import java.util.regex.Pattern;
import org.sdvp.data.program.VisProgWriter;
import org.sdvp.world.question.Description;
import org.sdvp.world.question.FNode;
import org.sdvp.world.question.FProgram;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Relation;

/**
 * Turns a functional program into a VisProg program, with VisProg's module sets:
 * <ul>
 *   <li>{@link Flavor#GQA}: objects are found with LOC (inside a CROP_LEFTOF/RIGHTOF/ABOVE/BELOW of a
 *       located reference for relations), counted with COUNT, looked at through CROP + VQA; logic in EVAL;
 *       the answer a word ({@code 'yes' if … else 'no'}).</li>
 *   <li>{@link Flavor#NLVR}: VQA on LEFT and RIGHT directly for existence and attributes, LOC + COUNT on
 *       them for counts, EVAL combining them into a boolean.</li>
 * </ul>
 * A unique referent as the answer (ref-sim) becomes LOC, or LOC + SELECT with the whole expression when it
 * involves a relation (boxes found inside a crop would be in the crop's coordinates); {@code tag} becomes
 * LOC + CLASSIFY + TAG. VQA questions come from {@link VqaForms} only.
 *
 * <p>Why this is not sdvp-data's {@code ClevrProgramConverter}, which reads the same nodes: the two target
 * different oracles and answer conventions. This one writes the world's {@link VqaForms} (the forms the
 * world oracle and the distillation teachers parse exactly), NLVR programs that return booleans and ask
 * VQA about whole images, referents (LOC/SELECT) and tags (CLASSIFY/TAG), and fails loudly on anything
 * else, because a world program it cannot translate is a generator bug. The dataset converter writes
 * {@code QuestionForms} for the scene-graph oracles, yes/no strings at every step, and falls back to one
 * VQA step (counted) on real CLEVR's {@code same_*}/{@code union}/{@code intersect}. What is the same is
 * shared: the node records ({@code ClevrQuestion.Node}) and the program writer ({@link VisProgWriter}).
 *
 * <p>One converter per program: not thread-safe, cheap to create.
 */
public final class VisProgConverter {

    public enum Flavor { GQA, NLVR }

    private static final Pattern SINGLE_VAR = Pattern.compile("\\{(\\w+)}");

    private final FProgram program;
    private final Flavor flavor;
    /** Line syntax, per-prefix numbering and quoting are shared with sdvp-data's dataset converters. */
    private final VisProgWriter w = new VisProgWriter();

    private VisProgConverter(FProgram program, Flavor flavor) {
        this.program = program;
        this.flavor = flavor;
    }

    /** @throws IllegalArgumentException for a program shape this converter does not translate */
    public static String convert(FProgram program, Flavor flavor) {
        return new VisProgConverter(program, flavor).run();
    }

    /** Objects matching {@code np} inside the image variable {@code image}. */
    private record Located(String image, Description np) {}

    private String run() {
        FNode root = program.node(program.root());
        String result = flavor == Flavor.NLVR ? "FINAL_ANSWER" : "FINAL_RESULT";
        String var;
        switch (root.function()) {
            case "unique" -> var = referent(program.root());
            case "tag" -> var = tag(root);
            default -> {
                String e = expr(program.root());
                var m = SINGLE_VAR.matcher(e);
                if (m.matches()) {
                    var = m.group(1);
                } else {
                    String expr = flavor == Flavor.GQA && isBoolean(root) ? "'yes' if " + e + " else 'no'" : e;
                    var = w.eval(expr);
                }
            }
        }
        w.result(result, var);
        return w.text();
    }

    private static boolean isBoolean(FNode n) {
        String f = n.function();
        return f.equals("exist") || f.equals("and") || f.equals("or") || f.equals("xor") || f.equals("not")
                || f.startsWith("equal_") || f.startsWith("verify_") || f.equals("greater_than")
                || f.equals("less_than");
    }

    /** {@code LOC(image=IMAGE,object='phrase')}: world phrases hold no apostrophes, so quoting is plain. */
    private String loc(String image, Description np) {
        return w.step("BOX", "LOC", "image", image, "object", VisProgWriter.quote(np.phrase()));
    }

    private Located locate(int index) {
        FNode n = program.node(index);
        String f = n.function();
        if (f.equals("scene")) {
            return new Located(n.valueInputs().isEmpty() ? "IMAGE" : n.value().toUpperCase(java.util.Locale.ROOT),
                    Description.ANY);
        }
        if (f.startsWith("filter_")) {
            Located in = locate(n.input());
            return new Located(in.image(), in.np().with(Attribute.ofWord(f.substring(7)), n.value()));
        }
        if (f.equals("relate")) {
            Located ref = locate(uniqueInput(n.input()));
            String box = loc(ref.image(), ref.np());
            String dir = switch (Relation.ofWord(n.value())) {
                case LEFT -> "CROP_LEFTOF";
                case RIGHT -> "CROP_RIGHTOF";
                case ABOVE -> "CROP_ABOVE";
                case BELOW -> "CROP_BELOW";
            };
            return new Located(w.step("IMAGE", dir, "image", ref.image(), "box", box), Description.ANY);
        }
        throw new IllegalArgumentException("not an object set: " + f);
    }

    private int uniqueInput(int index) {
        FNode n = program.node(index);
        if (!n.function().equals("unique")) throw new IllegalArgumentException("expected unique, got " + n.function());
        return n.input();
    }

    /** An EVAL expression for the node's value, emitting the steps it needs. */
    private String expr(int index) {
        FNode n = program.node(index);
        String f = n.function();
        switch (f) {
            case "count": return "{" + count(locate(n.input())) + "}";
            case "exist": {
                Located l = locate(n.input());
                if (flavor == Flavor.NLVR && !l.image().startsWith("IMAGE")) {
                    return "{" + vqa(l.image(), new VqaForms.Exist(l.np())) + "}";
                }
                return "({" + count(l) + "} > 0)";
            }
            case "integer": return n.value();
            case "add": return "(" + expr(n.inputs().get(0)) + " + " + expr(n.inputs().get(1)) + ")";
            case "equal_integer": return binary(n, "==");
            case "greater_than": return binary(n, ">");
            case "less_than": return binary(n, "<");
            case "and": return binary(n, "and");
            case "or": return binary(n, "or");
            case "xor": return binary(n, "xor");
            case "not": return "(not " + expr(n.input()) + ")";
            default: break;
        }
        if (f.startsWith("equal_")) return binary(n, "==");
        Attribute a = Attribute.ofWord(f.substring(f.indexOf('_') + 1));
        Located l = locate(uniqueInput(n.input()));
        VqaForms form;
        if (f.startsWith("query_")) form = new VqaForms.Query(l.np(), a);
        else if (f.startsWith("verify_")) form = new VqaForms.Verify(l.np(), a, n.value());
        else if (f.startsWith("choose_")) form = new VqaForms.Choose(l.np(), a, n.valueInputs().get(0), n.valueInputs().get(1));
        else throw new IllegalArgumentException("no VisProg translation for '" + f + "'");
        return "{" + look(l, form) + "}";
    }

    private String binary(FNode n, String op) {
        return "(" + expr(n.inputs().get(0)) + " " + op + " " + expr(n.inputs().get(1)) + ")";
    }

    private String count(Located l) {
        return w.step("ANSWER", "COUNT", "box", loc(l.image(), l.np()));
    }

    /** GQA: locate the object and ask about a crop around it; NLVR: ask about the whole image. */
    private String look(Located l, VqaForms form) {
        if (flavor == Flavor.NLVR) return vqa(l.image(), form);
        String crop = w.step("IMAGE", "CROP", "image", l.image(), "box", loc(l.image(), l.np()));
        return vqa(crop, form);
    }

    private String vqa(String image, VqaForms form) {
        return w.step("ANSWER", "VQA", "image", image, "question", VisProgWriter.quote(form.text()));
    }

    private String referent(int uniqueNode) {
        int setNode = uniqueInput(uniqueNode);
        Description np = Description.ANY;
        int cur = setNode;
        while (program.node(cur).function().startsWith("filter_")) {
            FNode n = program.node(cur);
            np = np.with(Attribute.ofWord(n.function().substring(7)), n.value());
            cur = n.input();
        }
        if (program.node(cur).function().equals("scene")) {
            Located l = locate(setNode);
            return loc(l.image(), l.np());
        }
        // relational: boxes found inside a directional crop would be in the crop's coordinates, so the
        // candidates are located in the whole image and SELECT picks the one the whole expression describes
        String box = loc("IMAGE", np);
        return w.step("BOX", "SELECT", "image", "IMAGE", "object", box, "query", VisProgWriter.quote(describe(setNode)));
    }

    /** The referring expression of an object set: "cube to the left of the red sphere". */
    public String describe(int setNode) {
        Description d = Description.ANY;
        int cur = setNode;
        while (program.node(cur).function().startsWith("filter_")) {
            FNode n = program.node(cur);
            d = d.with(Attribute.ofWord(n.function().substring(7)), n.value());
            cur = n.input();
        }
        FNode n = program.node(cur);
        if (n.function().equals("scene")) return d.phrase();
        if (n.function().equals("relate")) {
            return d.phrase() + " " + Relation.ofWord(n.value()).phrase() + " the " + describe(uniqueInput(n.input()));
        }
        throw new IllegalArgumentException("not an object set: " + n.function());
    }

    private String tag(FNode root) {
        Located l = locate(root.input());
        Attribute a = Attribute.ofWord(root.value());
        String box = loc(l.image(), l.np());
        String obj = w.step("OBJ", "CLASSIFY", "image", l.image(), "object", box, "categories",
                VisProgWriter.quote(String.join(",", a.vocabulary())));
        return w.step("IMAGE", "TAG", "image", l.image(), "object", obj);
    }
}
