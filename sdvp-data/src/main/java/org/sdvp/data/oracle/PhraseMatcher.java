package org.sdvp.data.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether an object phrase describes an annotated object. A phrase is {@code [not] ATTR ... NAME}:
 * zero or more attributes, each optionally negated by {@code not}, then a name (one or more words, possibly
 * a category such as {@code vehicle}, a plural, or {@code object}/{@code thing} for anything). A phrase of
 * attributes only ({@code "red"}, used by MATCH) matches any object with them. Position words
 * ({@code left}, {@code middle}, {@code right}, {@code top}, {@code bottom}) are attributes computed from the
 * box within the whole image; {@code male}/{@code female} follow from the name. Articles are ignored.
 *
 * <p>A phrase may end in one relative clause naming an annotated relation, for objects known only through
 * it (GQA's {@code relate: _,...}): {@code "white thing on the table"} (the object is the subject) or
 * {@code "thing that the man is holding"} (the object is the object); the anchor phrase may itself be
 * relative.
 */
public final class PhraseMatcher {
    private PhraseMatcher() {}

    public static boolean matches(SceneObject o, String phrase, AnnotatedScene scene) {
        String p = phrase.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        int that = p.indexOf(" that the ");
        if (that > 0) {
            // "HEAD that the ANCHOR is REL": o is the object of the anchor's relation
            String head = p.substring(0, that), clause = p.substring(that + " that the ".length());
            int is = clause.lastIndexOf(" is ");
            if (is > 0) {
                String anchor = clause.substring(0, is), rel = clause.substring(is + 4);
                return simple(o, head, scene)
                        && scene.objects().stream()
                                .anyMatch(a -> a != o && related(a, rel, o) && matches(a, anchor, scene));
            }
        }
        for (String rel : scene.relationNames()) {
            // "HEAD REL the ANCHOR": o is the subject
            int at = p.indexOf(" " + rel + " the ");
            if (at <= 0) continue;
            String head = p.substring(0, at), anchor = p.substring(at + rel.length() + " the ".length() + 1);
            if (simple(o, head, scene)
                    && scene.objects().stream()
                            .anyMatch(a -> a != o && related(o, rel, a) && matches(a, anchor, scene))) {
                return true;
            }
        }
        return simple(o, p, scene);
    }

    private static boolean related(SceneObject subject, String relation, SceneObject object) {
        return subject.relations().stream()
                .anyMatch(r -> r.name().equals(relation) && r.objectId().equals(object.id()));
    }

    /** A phrase without a relative clause. */
    private static boolean simple(SceneObject o, String phrase, AnnotatedScene scene) {
        List<String> words = new ArrayList<>();
        for (String w : phrase.split(" ")) {
            if (!w.isEmpty() && !w.equals("a") && !w.equals("an") && !w.equals("the")) words.add(w);
        }
        if (words.isEmpty()) return false;
        // the name is a suffix of the phrase; try the longest first, then no name at all
        for (int k = 0; k <= words.size(); k++) {
            String name = String.join(" ", words.subList(k, words.size()));
            if (k < words.size() && !nameMatches(o, name)) continue;
            if (attributesHold(o, words.subList(0, k), scene)) return true;
        }
        return false;
    }

    public static boolean nameMatches(SceneObject o, String name) {
        String n = Vocabulary.canonical(name), own = Vocabulary.canonical(o.name());
        if (Vocabulary.ANY.contains(n) || n.equals(own) || singular(n).equals(singular(own))) return true;
        Set<String> members = Vocabulary.CATEGORIES.get(singular(n));
        return members != null && (members.contains(own) || members.contains(singular(own)));
    }

    static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("es") && (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) return w.substring(0, w.length() - 1);
        return w;
    }

    private static boolean attributesHold(SceneObject o, List<String> words, AnnotatedScene scene) {
        for (int i = 0; i < words.size(); i++) {
            boolean negated = words.get(i).equals("not");
            if (negated) {
                if (++i >= words.size()) return false;
            }
            if (hasAttribute(o, words.get(i), scene) == negated) return false;
        }
        return true;
    }

    /** Whether {@code o} has the attribute (annotated, or its position in the image). */
    public static boolean hasAttribute(SceneObject o, String attribute, AnnotatedScene scene) {
        String a = Vocabulary.canonical(attribute);
        for (String own : o.attributes()) {
            if (Vocabulary.canonical(own).equals(a)) return true;
        }
        Set<String> gendered = Vocabulary.GENDER.get(a);
        if (gendered != null && gendered.contains(o.name())) return true;
        return a.equals(AnnotatedScene.horizontalPosition(o.box(), scene.frame()))
                || a.equals(AnnotatedScene.verticalPosition(o.box(), scene.frame()));
    }
}
