package org.sdvp.data.clevr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.data.oracle.QuestionForms;
import org.sdvp.data.program.Conversion;
import org.sdvp.data.program.VisProgWriter;

/**
 * Translates a CLEVR functional program into VisProg (LOC, COUNT, CROP, directional crops, VQA, EVAL,
 * RESULT). An object set is an attribute phrase ({@code "large red rubber cube"}, {@code "thing"} for
 * the whole scene) searched in an image; {@code filter_*} refine it, {@code unique} keeps it (the crops use
 * the first box), {@code relate} crops beside the anchor ({@code left}/{@code right} → CROP_LEFTOF/RIGHTOF;
 * {@code behind}/{@code front} → CROP_ABOVE/BELOW, since farther objects sit higher in CLEVR's camera view),
 * {@code count} is COUNT, {@code exist} COUNT &gt; 0, {@code query_*} a VQA question on a crop around the object
 * ({@link QuestionForms}), {@code equal_*}, {@code less_than} and {@code greater_than} EVAL comparisons.
 * {@code same_*} (all objects sharing an attribute with one, except itself), {@code union} and
 * {@code intersect} have no VisProg module; such programs fall back to one VQA step.
 *
 * <p>The extensions sdvp-world writes in the same schema are converted too: {@code scene} with a
 * {@code LEFT}/{@code RIGHT} value, {@code verify_*} and {@code choose_*} (VQA on a crop), {@code and},
 * {@code or}, {@code xor}, {@code not}, {@code integer}, {@code add} (EVAL); {@code tag} falls back.
 * Thread-safe.
 */
public final class ClevrProgramConverter {

    public Conversion convert(ClevrQuestion q) {
        if (q.program().isEmpty()) return Conversion.fallback("IMAGE", q.question(), "no program");
        try {
            return new Conversion(new Translation(q.program()).run(), Optional.empty());
        } catch (Unsupported e) {
            return Conversion.fallback("IMAGE", q.question(), e.getMessage());
        }
    }

    private static final class Unsupported extends Exception {
        Unsupported(String message) { super(message, null, false, false); }
    }

    /** Objects described by attributes (by CLEVR's order: size, color, material) and a shape. */
    private static final class Objects {
        final String image;
        final Map<String, String> attributes;
        final String shape;
        String boxes;

        Objects(String image, Map<String, String> attributes, String shape) {
            this.image = image;
            this.attributes = attributes;
            this.shape = shape;
        }

        Objects with(String kind, String value) {
            Map<String, String> a = new LinkedHashMap<>(attributes);
            if (kind.equals("shape")) return new Objects(image, a, value);
            a.put(kind, value);
            return new Objects(image, a, shape);
        }

        String phrase() {
            List<String> words = new ArrayList<>();
            for (String k : List.of("size", "color", "material")) if (attributes.containsKey(k)) words.add(attributes.get(k));
            words.add(shape == null ? "thing" : shape);
            return String.join(" ", words);
        }
    }

    private static final class Translation {
        private final List<ClevrQuestion.Node> nodes;
        private final List<Object> results = new ArrayList<>();
        private final VisProgWriter w = new VisProgWriter();

        Translation(List<ClevrQuestion.Node> nodes) { this.nodes = nodes; }

        String run() throws Unsupported {
            for (ClevrQuestion.Node n : nodes) results.add(step(n));
            Object last = results.get(results.size() - 1);
            if (!(last instanceof String var)) throw new Unsupported("program ends without an answer");
            w.result(var);
            return w.text();
        }

        /** Returns an {@link Objects} or an answer variable name. */
        private Object step(ClevrQuestion.Node n) throws Unsupported {
            String f = n.function() == null ? "" : n.function();
            // sdvp-world writes scene with a value (LEFT or RIGHT) for image pairs
            if (f.equals("scene")) return new Objects(n.valueInputs().isEmpty() ? "IMAGE" : value(n), new LinkedHashMap<>(), null);
            if (f.startsWith("filter_")) return objects(n, 0).with(f.substring("filter_".length()), value(n));
            if (f.equals("unique")) return objects(n, 0);
            if (f.equals("relate")) return relate(objects(n, 0), value(n));
            if (f.equals("count")) return w.step("ANSWER", "COUNT", "box", boxes(objects(n, 0)));
            if (f.equals("exist")) {
                String count = w.step("ANSWER", "COUNT", "box", boxes(objects(n, 0)));
                return w.eval("'yes' if {" + count + "} > 0 else 'no'");
            }
            if (f.startsWith("query_")) return query(objects(n, 0), f.substring("query_".length()));
            // the extensions sdvp-world's generator writes in the same schema
            if (f.startsWith("verify_")) return ask(objects(n, 0), QuestionForms.verify(objects(n, 0).phrase(), value(n)));
            if (f.startsWith("choose_") && n.valueInputs().size() == 2) {
                return ask(objects(n, 0), QuestionForms.choose(objects(n, 0).phrase(), n.valueInputs().get(0), n.valueInputs().get(1)));
            }
            if (f.equals("and") || f.equals("or") || f.equals("xor")) {
                return w.eval("'yes' if {" + answer(n, 0) + "} " + f + " {" + answer(n, 1) + "} else 'no'");
            }
            if (f.equals("not")) return w.eval("'no' if {" + answer(n, 0) + "} else 'yes'");
            if (f.equals("integer") && value(n).matches("\\d+")) return w.eval(value(n));
            if (f.equals("add")) return w.eval("{" + answer(n, 0) + "} + {" + answer(n, 1) + "}");
            if (f.startsWith("equal_") && !f.equals("equal_object")) return compare(n, "==");
            if (f.equals("less_than")) return compare(n, "<");
            if (f.equals("greater_than")) return compare(n, ">");
            throw new Unsupported(f.isEmpty() ? "node without a function" : f);
        }

        private Objects relate(Objects anchor, String relation) throws Unsupported {
            String crop = switch (relation) {
                case "left" -> "CROP_LEFTOF";
                case "right" -> "CROP_RIGHTOF";
                case "behind", "above" -> "CROP_ABOVE"; // above/below: sdvp-world's image-plane relations
                case "front", "below" -> "CROP_BELOW";
                default -> throw new Unsupported("relate " + relation);
            };
            String image = w.step("IMAGE", crop, "image", anchor.image, "box", boxes(anchor));
            return new Objects(image, new LinkedHashMap<>(), null);
        }

        private String query(Objects o, String attribute) {
            return ask(o, QuestionForms.query(attribute, o.phrase()));
        }

        /** VQA on a crop around the (first) object. */
        private String ask(Objects o, String question) {
            String crop = w.step("IMAGE", "CROP", "image", o.image, "box", boxes(o));
            return w.step("ANSWER", "VQA", "image", crop, "question", VisProgWriter.quote(question));
        }

        private String compare(ClevrQuestion.Node n, String op) throws Unsupported {
            String a = answer(n, 0), b = answer(n, 1);
            return w.eval("'yes' if {" + a + "} " + op + " {" + b + "} else 'no'");
        }

        private String boxes(Objects o) {
            if (o.boxes == null) o.boxes = w.step("BOX", "LOC", "image", o.image, "object", VisProgWriter.quote(o.phrase()));
            return o.boxes;
        }

        private Object input(ClevrQuestion.Node n, int i) throws Unsupported {
            if (n.inputs().size() <= i || n.inputs().get(i) < 0 || n.inputs().get(i) >= results.size()) {
                throw new Unsupported(n.function() + " with a bad input");
            }
            return results.get(n.inputs().get(i));
        }

        private Objects objects(ClevrQuestion.Node n, int i) throws Unsupported {
            Object in = input(n, i);
            if (in instanceof Objects o) return o;
            throw new Unsupported(n.function() + " of an answer");
        }

        private String answer(ClevrQuestion.Node n, int i) throws Unsupported {
            Object in = input(n, i);
            if (in instanceof String s) return s;
            throw new Unsupported(n.function() + " of objects");
        }

        private static String value(ClevrQuestion.Node n) throws Unsupported {
            if (n.valueInputs().isEmpty()) throw new Unsupported(n.function() + " without a value");
            return n.valueInputs().get(0);
        }
    }
}
