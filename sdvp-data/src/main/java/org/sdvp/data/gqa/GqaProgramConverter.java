package org.sdvp.data.gqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sdvp.data.oracle.QuestionForms;
import org.sdvp.data.program.Conversion;
import org.sdvp.data.program.SpatialCrops;
import org.sdvp.data.program.VisProgWriter;

/**
 * Translates a GQA {@code semantic} program into a VisProg program over VisProg's GQA module set (LOC,
 * COUNT, CROP, CROP_LEFTOF/RIGHTOF/ABOVE/BELOW, VQA, EVAL, RESULT).
 *
 * <p>An object set is a phrase ({@code "not large white car"}) plus the image it is searched in; it is
 * located with {@code LOC} only when a later step needs its boxes, so {@code select} followed by
 * {@code filter}s costs one LOC. Filters refine the phrase ({@code not(x)} becomes {@code "not x"}).
 * {@code relate} crops the image on the relation's side of the anchor (directional crop) or around it
 * (other relations), and searches the target there. Questions about an object go to VQA on a crop around
 * it, in the forms of {@link QuestionForms}; {@code exist} is COUNT &gt; 0; {@code and}, {@code or},
 * {@code same}, {@code different} and {@code common} are EVAL expressions.
 *
 * <p>An object known only through a relation ({@code relate: _,on,s}) is asked about directly when its
 * name is queried ("What is on the table?"); otherwise it becomes the relative phrase
 * {@code "thing on the table"} / {@code "thing that the man is holding"}, which later filters refine.
 *
 * <p>Where the module set cannot express an operation ({@code same}/{@code different} within one group,
 * comparatives such as {@code choose older}, questions about the whole scene, relations by shared
 * attribute, a deictic {@code select: this}), the whole program falls back to
 * {@code VQA(image=IMAGE,question=<the question>)} and the {@link Conversion} says why.
 *
 * <p>Stateless and thread-safe.
 */
public final class GqaProgramConverter {
    private static final Pattern NOT = Pattern.compile("not\\((.*)\\)");

    public Conversion convert(GqaQuestion q) {
        return convert(q.semantic(), q.question());
    }

    public Conversion convert(List<GqaOperation> ops, String question) {
        if (ops.isEmpty()) return Conversion.fallback("IMAGE", question, "no semantic program");
        try {
            return new Conversion(new Translation(ops).run(), Optional.empty());
        } catch (Unsupported e) {
            return Conversion.fallback("IMAGE", question, e.getMessage());
        }
    }

    /** An operation the module set cannot express; the message becomes the fallback reason. */
    private static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /** What a step of the GQA program produced. */
    private sealed interface Node permits Scene, Objects, Related, Answer {}

    /** {@code select: scene}: the whole image, no object. */
    private record Scene() implements Node {}

    /** The objects matching {@code phrase} in {@code image}; {@code boxes} is set once located. */
    private static final class Objects implements Node {
        final String image;
        final String phrase;
        String boxes;

        Objects(String image, String phrase) {
            this.image = image;
            this.phrase = phrase;
        }
    }

    /**
     * {@code relate: _,rel,s|o}: some unnamed object in a relation to {@code anchor}, near it in {@code image}.
     * A following {@code query name} asks what it is ("What is on the table?"); other operations treat it as
     * the objects of a relative phrase ({@link #phrase}).
     */
    private record Related(String image, String relation, boolean targetIsSubject, String anchor) implements Node {
        /** {@code "thing on the table"} / {@code "thing that the man is holding"}. */
        String phrase() {
            return targetIsSubject
                    ? "thing " + relation + " the " + anchor
                    : "thing that the " + anchor + " is " + relation;
        }
    }

    /** A text answer variable ({@code yes}/{@code no} or an attribute value). */
    private record Answer(String var) implements Node {}

    /** One conversion; not reusable. */
    private static final class Translation {
        private final List<GqaOperation> ops;
        private final List<Node> results = new ArrayList<>();
        private final VisProgWriter w = new VisProgWriter();

        Translation(List<GqaOperation> ops) {
            this.ops = ops;
        }

        String run() throws Unsupported {
            for (GqaOperation op : ops) results.add(step(op));
            if (!(results.get(results.size() - 1) instanceof Answer last)) {
                throw new Unsupported("program ends without an answer ("
                        + ops.get(ops.size() - 1).operation() + ")");
            }
            w.result(last.var());
            return w.text();
        }

        private Node step(GqaOperation op) throws Unsupported {
            String attr = op.attribute();
            return switch (op.verb()) {
                case "select" -> select(op);
                case "filter" -> filter(objects(op, 0), attr, op.argument());
                case "relate" -> relate(objects(op, 0), op.argumentWithoutId());
                case "query" ->
                    query(
                            dep(op, 0),
                            op.argument().isEmpty() ? attr : op.argument().toLowerCase(Locale.ROOT));
                case "verify" -> verify(objects(op, 0), attr, op.argument());
                case "choose" -> choose(op, attr);
                case "exist" -> exist(dep(op, 0));
                case "and", "or" -> logical(op);
                case "same", "different" -> compare(op, attr);
                case "common" -> common(op);
                default -> throw new Unsupported("unknown operation " + op.operation());
            };
        }

        private Node select(GqaOperation op) throws Unsupported {
            String name = op.argumentWithoutId().toLowerCase(Locale.ROOT);
            if (name.equals("scene")) return new Scene();
            // "select: this (id)" refers to an object by pointing; there is nothing to search for.
            if (name.isEmpty() || name.equals("this") || name.equals("that") || name.equals("it")) {
                throw new Unsupported("select of a deictic '" + name + "'");
            }
            return new Objects("IMAGE", name);
        }

        private Node filter(Objects in, String attr, String argument) throws Unsupported {
            String value = argument.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) throw new Unsupported("filter without a value");
            Matcher not = NOT.matcher(value);
            String word = not.matches() ? "not " + not.group(1).strip() : value;
            return new Objects(in.image, word + " " + in.phrase);
        }

        private Node relate(Objects anchor, String argument) throws Unsupported {
            Rel rel = Rel.parse(argument);
            // "relate: _,same color,s": objects sharing an attribute with the anchor; no module compares objects
            if (rel.relation().startsWith("same ")) throw new Unsupported("relate by " + rel.relation());
            String region = regionFor(anchor, rel.relation(), rel.targetIsSubject());
            if (rel.target().equals("_"))
                return new Related(region, rel.relation(), rel.targetIsSubject(), anchor.phrase);
            return new Objects(region, rel.target());
        }

        /** The directional crop beside the anchor, or the crop around it for non-directional relations. */
        private String regionFor(Objects anchor, String relation, boolean targetIsSubject) {
            String crop = SpatialCrops.cropFor(relation, targetIsSubject).orElse("CROP");
            return w.step("IMAGE", crop, "image", anchor.image, "box", boxes(anchor));
        }

        private String boxes(Objects o) {
            if (o.boxes == null)
                o.boxes = w.step("BOX", "LOC", "image", o.image, "object", VisProgWriter.quote(o.phrase));
            return o.boxes;
        }

        private String around(Objects o) {
            return w.step("IMAGE", "CROP", "image", o.image, "box", boxes(o));
        }

        private String vqa(String image, String question) {
            return w.step("ANSWER", "VQA", "image", image, "question", VisProgWriter.quote(question));
        }

        private Answer query(Node in, String attr) throws Unsupported {
            if (in instanceof Objects o) {
                if (QuestionForms.isPosition(attr))
                    return new Answer(vqa(o.image, QuestionForms.queryPosition(attr, o.phrase)));
                return new Answer(vqa(around(o), QuestionForms.query(attr, o.phrase)));
            }
            if (in instanceof Related r && attr.equals("name")) {
                return new Answer(
                        vqa(r.image(), QuestionForms.queryRelated(r.relation(), r.targetIsSubject(), r.anchor())));
            }
            if (in instanceof Related r) return query(new Objects(r.image(), r.phrase()), attr);
            throw new Unsupported("query " + attr + " of the whole scene");
        }

        private Answer verify(Objects o, String attr, String argument) throws Unsupported {
            if (attr.equals("rel")) {
                Rel rel = Rel.parse(stripId(argument));
                if (rel.target().equals("_")) throw new Unsupported("verify rel with an unnamed target");
                return new Answer(vqa(
                        around(o),
                        QuestionForms.verifyRelation(rel.target(), rel.relation(), rel.targetIsSubject(), o.phrase)));
            }
            String value = argument.strip().toLowerCase(Locale.ROOT);
            if (QuestionForms.isPosition(attr))
                return new Answer(vqa(o.image, QuestionForms.verifyPosition(o.phrase, value)));
            return new Answer(vqa(around(o), QuestionForms.verify(o.phrase, value)));
        }

        private Answer choose(GqaOperation op, String attr) throws Unsupported {
            if (op.dependencies().size() != 1) throw new Unsupported("choose " + attr + " (objects compared)");
            Node in = dep(op, 0);
            if (in instanceof Related r) in = new Objects(r.image(), r.phrase());
            if (!(in instanceof Objects o)) throw new Unsupported("choose " + attr + " of the whole scene");
            if (attr.equals("rel")) {
                Rel rel = Rel.parse(stripId(op.argument()));
                String[] options = rel.relation().split("\\|");
                if (options.length != 2 || rel.target().equals("_"))
                    throw new Unsupported("choose rel " + op.argument());
                return new Answer(vqa(
                        around(o),
                        QuestionForms.chooseRelation(
                                rel.target(),
                                options[0].strip(),
                                options[1].strip(),
                                rel.targetIsSubject(),
                                o.phrase)));
            }
            String[] options = op.argument().toLowerCase(Locale.ROOT).split("\\|");
            if (options.length != 2) throw new Unsupported("choose " + attr + " without two options");
            if (QuestionForms.isPosition(attr)) {
                return new Answer(
                        vqa(o.image, QuestionForms.choosePosition(o.phrase, options[0].strip(), options[1].strip())));
            }
            if (!attr.isEmpty() && !QuestionForms.KNOWN_CHOICE_ATTRIBUTES.contains(attr)) {
                throw new Unsupported("choose " + attr + " (comparative)");
            }
            return new Answer(vqa(around(o), QuestionForms.choose(o.phrase, options[0].strip(), options[1].strip())));
        }

        private Answer exist(Node in) throws Unsupported {
            if (in instanceof Related r) return exist(new Objects(r.image(), r.phrase()));
            if (!(in instanceof Objects o)) throw new Unsupported("exist of " + describe(in));
            String count = w.step("ANSWER", "COUNT", "box", boxes(o));
            return new Answer(w.eval("'yes' if {" + count + "} > 0 else 'no'"));
        }

        private Answer logical(GqaOperation op) throws Unsupported {
            Answer a = answer(op, 0), b = answer(op, 1);
            return new Answer(w.eval("'yes' if {" + a.var() + "} " + op.verb() + " {" + b.var() + "} else 'no'"));
        }

        private Answer compare(GqaOperation op, String attr) throws Unsupported {
            if (op.dependencies().size() != 2) throw new Unsupported(op.verb() + " " + attr + " within one group");
            String queried = attr.equals("type") || attr.isEmpty() ? "name" : attr;
            Answer a = query(objects(op, 0), queried), b = query(objects(op, 1), queried);
            String cmp = op.verb().equals("same") ? "==" : "!=";
            return new Answer(w.eval("'yes' if {" + a.var() + "} " + cmp + " {" + b.var() + "} else 'no'"));
        }

        /** GQA's "What do A and B have in common?" answers color or material. */
        private Answer common(GqaOperation op) throws Unsupported {
            if (op.dependencies().size() != 2) throw new Unsupported("common within one group");
            Objects a = objects(op, 0), b = objects(op, 1);
            Answer ca = query(a, "color"), cb = query(b, "color");
            return new Answer(w.eval("'color' if {" + ca.var() + "} == {" + cb.var() + "} else 'material'"));
        }

        private Node dep(GqaOperation op, int i) throws Unsupported {
            if (op.dependencies().size() <= i) throw new Unsupported(op.operation() + " without dependency " + i);
            int index = op.dependencies().get(i);
            if (index < 0 || index >= results.size())
                throw new Unsupported(op.operation() + " depends on step " + index);
            return results.get(index);
        }

        private Objects objects(GqaOperation op, int i) throws Unsupported {
            Node n = dep(op, i);
            if (n instanceof Objects o) return o;
            if (n instanceof Related r) return new Objects(r.image(), r.phrase());
            throw new Unsupported(op.operation() + " of " + describe(n));
        }

        private Answer answer(GqaOperation op, int i) throws Unsupported {
            Node n = dep(op, i);
            if (n instanceof Answer a) return a;
            throw new Unsupported(op.operation() + " of " + describe(n));
        }

        private static String describe(Node n) {
            if (n instanceof Scene) return "the whole scene";
            if (n instanceof Related) return "an unnamed related object";
            if (n instanceof Answer) return "an answer";
            return "objects";
        }
    }

    private static String stripId(String argument) {
        return argument.replaceAll("\\s*\\([-0-9, ]*\\)\\s*$", "").strip();
    }

    /** {@code target,relation,s|o}: whether the target is the relation's subject ({@code s}) or object ({@code o}). */
    record Rel(String target, String relation, boolean targetIsSubject) {
        static Rel parse(String argument) throws Unsupported {
            String[] parts = argument.split(",");
            if (parts.length != 3) throw new Unsupported("relation argument '" + argument + "'");
            String so = parts[2].strip();
            if (!so.equals("s") && !so.equals("o")) throw new Unsupported("relation argument '" + argument + "'");
            return new Rel(
                    parts[0].strip().toLowerCase(Locale.ROOT),
                    parts[1].strip().toLowerCase(Locale.ROOT),
                    so.equals("s"));
        }
    }
}
