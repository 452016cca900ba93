package org.sdvp.data.clevr.program;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a functional program as the Python a ViperGPT prompt asks for: {@code execute_command} over
 * {@code ImagePatch}, objects found with {@code find}, existence with {@code exists}, spatial relations as
 * comparisons of patch centres, attributes asked with {@code simple_query}, checked with
 * {@code verify_property} or chosen with {@code best_text_match}, counts as {@code len}, logic as Python, and
 * the ViperGPT idiom "nothing found: ask the whole image the question". Not a translation of the VisProg
 * program: no crops around boxes, no EVAL strings, no {@code _vp_} helpers.
 *
 * <ul>
 *   <li>{@link Flavor#GQA} (one image): {@code def execute_command(image)}, yes/no answers as words
 *       ({@code bool_to_yesno}), a referent as its patch, tags as {@code (patch, label)} pairs.</li>
 *   <li>{@link Flavor#NLVR} (image pairs): {@code def execute_command(left, right)}, a boolean.</li>
 * </ul>
 * The VQA sub-questions are {@link SubQuestions}, so the world oracle and the task teachers read them.
 * Relations hold on patch centres (CLEVR's behind/front as above/below in the image). One emitter per
 * program: not thread-safe, cheap to create.
 */
public final class ViperEmitter {
    private final FunctionalProgram program;
    private final Flavor flavor;
    private final String question;
    private final PythonWriter w = new PythonWriter();
    private final Map<String, Integer> names = new HashMap<>();
    /** The answer is an object: a missing object falls back to the whole image, as a box. */
    private boolean referent;

    private ViperEmitter(FunctionalProgram program, Flavor flavor, String question) {
        this.program = program;
        this.flavor = flavor;
        this.question = question;
    }

    /**
     * @param question the question, for ViperGPT's fallback (ask the whole image) when an object the program
     *                 needs is not found; null to return a negative answer there instead
     * @throws IllegalArgumentException for a program shape the emitter does not express
     */
    public static String emit(FunctionalProgram program, Flavor flavor, String question) {
        return new ViperEmitter(program, flavor, question).run();
    }

    private boolean pairs() {
        return flavor == Flavor.NLVR;
    }

    private String run() {
        if (pairs()) {
            w.line("def execute_command(left, right):");
            w.indent();
            w.line("left_patch = ImagePatch(left)");
            w.line("right_patch = ImagePatch(right)");
        } else {
            w.line("def execute_command(image):");
            w.indent();
            w.line("image_patch = ImagePatch(image)");
        }
        Fn root = program.node(program.root());
        referent = root instanceof Fn.Unique;
        if (referent) {
            w.line("return " + uniquePatch(program.root()));
        } else if (root instanceof Fn.Tag t) {
            tag(t);
        } else {
            String e = expr(program.root());
            w.line("return " + (!pairs() && Fn.isBoolean(root) ? "bool_to_yesno(" + e + ")" : e));
        }
        return w.text();
    }

    /** A Python expression for a node's value, after writing the statements it needs. */
    private String expr(int index) {
        Fn n = program.node(index);
        if (n instanceof Fn.Exist e) {
            ObjectSet s = objectSet(e.input());
            return s.plain() ? s.image() + ".exists(" + str(s.np().phrase()) + ")" : "len(" + patches(s) + ") > 0";
        }
        if (n instanceof Fn.Count c) return "len(" + patches(objectSet(c.input())) + ")";
        if (n instanceof Fn.Constant c) return Integer.toString(c.value());
        if (n instanceof Fn.Add a) return binary(a.left(), "+", a.right());
        if (n instanceof Fn.CompareIntegers c)
            return binary(c.left(), c.comparison().symbol(), c.right());
        if (n instanceof Fn.EqualAttribute e) return binary(e.left(), "==", e.right());
        if (n instanceof Fn.Logic l)
            return binary(
                    l.left(),
                    l.connective() == Fn.Connective.XOR ? "!=" : l.connective().function(),
                    l.right());
        if (n instanceof Fn.Not x) return "(not " + expr(x.input()) + ")";
        if (n instanceof Fn.Query q) {
            NounPhrase np = objectSet(uniqueInput(q.input())).np();
            return uniquePatch(q.input()) + ".simple_query(" + str(SubQuestions.query(np, q.attribute())) + ")";
        }
        if (n instanceof Fn.Choose c) {
            objectSet(uniqueInput(c.input()));
            return uniquePatch(c.input()) + ".best_text_match([" + str(c.first()) + ", " + str(c.second()) + "])";
        }
        if (n instanceof Fn.Verify v) {
            NounPhrase np = objectSet(uniqueInput(v.input())).np();
            String patch = uniquePatch(v.input());
            // "metal small cube" must still be a phrase: a shape, or an attribute the np already fixes, is asked.
            if (v.attribute().equals("shape") || np.get(v.attribute()) != null) {
                return "(" + patch + ".simple_query(" + str(SubQuestions.verify(np, v.attribute(), v.value()))
                        + ") == 'yes')";
            }
            return patch + ".verify_property(" + str(np.phrase()) + ", " + str(v.value()) + ")";
        }
        throw new IllegalArgumentException("no ViperGPT translation for '" + n.function() + "'");
    }

    private String binary(int left, String op, int right) {
        return "(" + expr(left) + " " + op + " " + expr(right) + ")";
    }

    /**
     * A set of objects: those matching {@code np} in {@code image}, and when {@code relation} is set only
     * those in that relation to the unique object of node {@code reference}.
     */
    private record ObjectSet(String image, NounPhrase np, String relation, int reference) {
        boolean plain() {
            return relation == null;
        }
    }

    private ObjectSet objectSet(int index) {
        Fn n = program.node(index);
        if (n instanceof Fn.Scene s) {
            if (pairs() == s.side().isEmpty())
                throw new IllegalArgumentException("scene '" + s.side().orElse("") + "' in a " + flavor + " program");
            return new ObjectSet(
                    s.side().map(x -> x.toLowerCase(Locale.ROOT) + "_patch").orElse("image_patch"),
                    NounPhrase.ANY,
                    null,
                    -1);
        }
        if (n instanceof Fn.Filter f) {
            ObjectSet in = objectSet(f.input());
            return new ObjectSet(in.image(), in.np().with(f.attribute(), f.value()), in.relation(), in.reference());
        }
        if (n instanceof Fn.Relate r) {
            return new ObjectSet(objectSet(uniqueInput(r.input())).image(), NounPhrase.ANY, r.relation(), r.input());
        }
        throw new IllegalArgumentException("not an object set: " + n.function());
    }

    private int uniqueInput(int index) {
        Fn n = program.node(index);
        if (n instanceof Fn.Unique u) return u.input();
        throw new IllegalArgumentException("expected unique, got " + n.function());
    }

    /** Writes the statements that find the set; returns the variable holding its patches. */
    private String patches(ObjectSet s) {
        String found = fresh(s.np(), "patches");
        w.line(found + " = " + s.image() + ".find(" + str(s.np().phrase()) + ")");
        if (s.plain()) return found;
        String ref = uniquePatch(s.reference());
        String test = switch (s.relation()) {
            case "left" -> "patch.horizontal_center < " + ref + ".horizontal_center";
            case "right" -> "patch.horizontal_center > " + ref + ".horizontal_center";
            // ViperGPT's y grows upwards: "above" is a larger vertical_center
            case "above", "behind" -> "patch.vertical_center > " + ref + ".vertical_center";
            case "below", "front" -> "patch.vertical_center < " + ref + ".vertical_center";
            default -> throw new IllegalArgumentException("unknown relation '" + s.relation() + "'");
        };
        String related = fresh(s.np(), s.relation() + "_patches");
        w.line(related + " = [patch for patch in " + found + " if " + test + "]");
        return related;
    }

    /** Writes the statements that find the unique object of node {@code index}; returns its patch variable. */
    private String uniquePatch(int index) {
        ObjectSet s = objectSet(uniqueInput(index));
        String list = patches(s);
        w.line("if len(" + list + ") == 0:");
        w.indent();
        w.line("return " + notFound());
        w.dedent();
        String patch = fresh(s.np(), "patch");
        w.line(patch + " = " + list + "[0]");
        return patch;
    }

    /**
     * ViperGPT's idiom when an object is missing: ask the whole image; without the question, a plain no.
     * A referent falls back to the whole image (a box), a pair statement to false.
     */
    private String notFound() {
        if (pairs()) return "False";
        if (referent) return "image_patch";
        return question == null ? "'no'" : "image_patch.simple_query(" + str(question) + ")";
    }

    private void tag(Fn.Tag t) {
        ObjectSet s = objectSet(t.input());
        String list = patches(s);
        String options = String.join(
                ", ",
                ClevrSchema.values(t.attribute()).stream()
                        .map(ViperEmitter::str)
                        .toList());
        w.line("return [(patch, patch.best_text_match([" + options + "])) for patch in " + list + "]");
    }

    /** {@code small_red_cube_patches}, numbered from the second use of a name. */
    private String fresh(NounPhrase np, String suffix) {
        String base = np.phrase().replace(' ', '_') + "_" + suffix;
        int k = names.merge(base, 1, Integer::sum);
        return k == 1 ? base : base + k;
    }

    /** A Python string literal in double quotes, as ViperGPT's examples write them. */
    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Lines with four-space indentation. */
    private static final class PythonWriter {
        private final StringBuilder out = new StringBuilder();
        private int depth;

        void line(String s) {
            out.append("    ".repeat(depth)).append(s).append('\n');
        }

        void indent() {
            depth++;
        }

        void dedent() {
            depth--;
        }

        String text() {
            return out.toString();
        }
    }
}
