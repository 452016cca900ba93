package org.sdvp.viper.convert;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sdvp.world.program.VisProgConverter.Flavor;
import org.sdvp.world.program.VqaForms;
import org.sdvp.world.question.Description;
import org.sdvp.world.question.FNode;
import org.sdvp.world.question.FProgram;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Relation;

/**
 * Writes a world functional program as the Python a ViperGPT prompt asks for: {@code execute_command}
 * over {@code ImagePatch}, objects found with {@code find}, existence with {@code exists}, spatial relations
 * as comparisons of patch centres, attributes asked with {@code simple_query}, checked with
 * {@code verify_property} or chosen with {@code best_text_match}, counts as {@code len}, logic as Python, and
 * the ViperGPT idiom "nothing found: ask the whole image the question". Not a translation of the VisProg
 * program: no crops around boxes, no EVAL strings, no {@code _vp_} helpers.
 *
 * <ul>
 *   <li>{@link Flavor#GQA} (one image): {@code def execute_command(image)}, yes/no answers as words
 *       ({@code bool_to_yesno}), a referent as its patch, tags as {@code (patch, label)} pairs.</li>
 *   <li>{@link Flavor#NLVR} (image pairs): {@code def execute_command(left, right)}, a boolean.</li>
 * </ul>
 * The VQA sub-questions are the world's {@link VqaForms}, so the world oracle and the task teachers read
 * them. Relations hold on visible-box centres, as {@link Relation#holds} defines them. One converter per
 * program: not thread-safe, cheap to create.
 */
public final class ViperGptConverter {
    private final FProgram program;
    private final Flavor flavor;
    private final String question;
    private final PythonWriter w = new PythonWriter();
    private final Map<String, Integer> names = new HashMap<>();
    /** The answer is an object: a missing object falls back to the whole image, as a box. */
    private boolean referent;

    private ViperGptConverter(FProgram program, Flavor flavor, String question) {
        this.program = program;
        this.flavor = flavor;
        this.question = question;
    }

    /**
     * @param question the question, for ViperGPT's fallback (ask the whole image) when an object the program
     *                 needs is not found; null to return a negative answer there instead
     * @throws IllegalArgumentException for a program shape the world does not generate
     */
    public static String convert(FProgram program, Flavor flavor, String question) {
        return new ViperGptConverter(program, flavor, question).run();
    }

    private boolean pairs() { return flavor == Flavor.NLVR; }

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
        FNode root = program.node(program.root());
        referent = root.function().equals("unique");
        switch (root.function()) {
            case "unique" -> w.line("return " + uniquePatch(program.root()));
            case "tag" -> tag(root);
            default -> {
                String e = expr(program.root());
                w.line("return " + (!pairs() && isBoolean(root) ? "bool_to_yesno(" + e + ")" : e));
            }
        }
        return w.text();
    }

    private static boolean isBoolean(FNode n) {
        String f = n.function();
        return f.equals("exist") || f.equals("and") || f.equals("or") || f.equals("xor") || f.equals("not")
                || f.startsWith("equal_") || f.startsWith("verify_") || f.equals("greater_than")
                || f.equals("less_than");
    }

    /** A Python expression for a node's value, after writing the statements it needs. */
    private String expr(int index) {
        FNode n = program.node(index);
        String f = n.function();
        switch (f) {
            case "exist": {
                ObjectSet s = objectSet(n.input());
                return s.plain() ? s.image() + ".exists(" + str(s.np().phrase()) + ")" : "len(" + patches(s) + ") > 0";
            }
            case "count": return "len(" + patches(objectSet(n.input())) + ")";
            case "integer": return n.value();
            case "add": return "(" + expr(n.inputs().get(0)) + " + " + expr(n.inputs().get(1)) + ")";
            case "equal_integer": return binary(n, "==");
            case "greater_than": return binary(n, ">");
            case "less_than": return binary(n, "<");
            case "and": return binary(n, "and");
            case "or": return binary(n, "or");
            case "xor": return binary(n, "!=");
            case "not": return "(not " + expr(n.input()) + ")";
            default: break;
        }
        if (f.startsWith("equal_")) return binary(n, "==");
        Attribute a = Attribute.ofWord(f.substring(f.indexOf('_') + 1));
        Description np = objectSet(uniqueInput(n.input())).np();
        String patch = uniquePatch(n.input());
        if (f.startsWith("query_")) return patch + ".simple_query(" + str(new VqaForms.Query(np, a).text()) + ")";
        if (f.startsWith("choose_")) {
            return patch + ".best_text_match([" + str(n.valueInputs().get(0)) + ", " + str(n.valueInputs().get(1)) + "])";
        }
        if (f.startsWith("verify_")) {
            // "metal small cube" must still be a phrase: a shape, or an attribute the np already fixes, is asked.
            if (a == Attribute.SHAPE || np.get(a) != null) {
                return "(" + patch + ".simple_query(" + str(new VqaForms.Verify(np, a, n.value()).text()) + ") == 'yes')";
            }
            return patch + ".verify_property(" + str(np.phrase()) + ", " + str(n.value()) + ")";
        }
        throw new IllegalArgumentException("no ViperGPT translation for '" + f + "'");
    }

    private String binary(FNode n, String op) {
        return "(" + expr(n.inputs().get(0)) + " " + op + " " + expr(n.inputs().get(1)) + ")";
    }

    /**
     * A set of objects: those matching {@code np} in {@code image}, and when {@code relation} is set only
     * those in that relation to the unique object of node {@code reference}.
     */
    private record ObjectSet(String image, Description np, Relation relation, int reference) {
        boolean plain() { return relation == null; }
    }

    private ObjectSet objectSet(int index) {
        FNode n = program.node(index);
        String f = n.function();
        if (f.equals("scene")) {
            String image = n.valueInputs().isEmpty() ? "image_patch" : n.value().toLowerCase(Locale.ROOT) + "_patch";
            if (pairs() == n.valueInputs().isEmpty()) throw new IllegalArgumentException("scene '" + n.valueInputs() + "' in a " + flavor + " program");
            return new ObjectSet(image, Description.ANY, null, -1);
        }
        if (f.startsWith("filter_")) {
            ObjectSet in = objectSet(n.input());
            return new ObjectSet(in.image(), in.np().with(Attribute.ofWord(f.substring(7)), n.value()), in.relation(),
                    in.reference());
        }
        if (f.equals("relate")) {
            int ref = n.input();
            uniqueInput(ref);
            return new ObjectSet(objectSet(uniqueInput(ref)).image(), Description.ANY, Relation.ofWord(n.value()), ref);
        }
        throw new IllegalArgumentException("not an object set: " + f);
    }

    private int uniqueInput(int index) {
        FNode n = program.node(index);
        if (!n.function().equals("unique")) throw new IllegalArgumentException("expected unique, got " + n.function());
        return n.input();
    }

    /** Writes the statements that find the set; returns the variable holding its patches. */
    private String patches(ObjectSet s) {
        String found = fresh(s.np(), "patches");
        w.line(found + " = " + s.image() + ".find(" + str(s.np().phrase()) + ")");
        if (s.plain()) return found;
        String ref = uniquePatch(s.reference());
        String test = switch (s.relation()) {
            case LEFT -> "patch.horizontal_center < " + ref + ".horizontal_center";
            case RIGHT -> "patch.horizontal_center > " + ref + ".horizontal_center";
            // ViperGPT's y grows upwards: "above" is a larger vertical_center
            case ABOVE -> "patch.vertical_center > " + ref + ".vertical_center";
            case BELOW -> "patch.vertical_center < " + ref + ".vertical_center";
        };
        String related = fresh(s.np(), s.relation().word() + "_patches");
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

    private void tag(FNode root) {
        ObjectSet s = objectSet(root.input());
        Attribute a = Attribute.ofWord(root.value());
        String list = patches(s);
        String options = String.join(", ", a.vocabulary().stream().map(ViperGptConverter::str).toList());
        w.line("return [(patch, patch.best_text_match([" + options + "])) for patch in " + list + "]");
    }

    /** {@code small_red_cube_patches}, numbered from the second use of a name. */
    private String fresh(Description np, String suffix) {
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

        void line(String s) { out.append("    ".repeat(depth)).append(s).append('\n'); }

        void indent() { depth++; }

        void dedent() { depth--; }

        String text() { return out.toString(); }
    }
}
