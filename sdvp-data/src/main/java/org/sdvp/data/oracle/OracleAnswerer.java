package org.sdvp.data.oracle;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sdvp.core.value.Box;
import org.sdvp.data.oracle.QuestionForms.Attribute;
import org.sdvp.data.oracle.QuestionForms.Choose;
import org.sdvp.data.oracle.QuestionForms.ChoosePosition;
import org.sdvp.data.oracle.QuestionForms.ChooseRelation;
import org.sdvp.data.oracle.QuestionForms.Name;
import org.sdvp.data.oracle.QuestionForms.Parsed;
import org.sdvp.data.oracle.QuestionForms.Part;
import org.sdvp.data.oracle.QuestionForms.RelatedObject;
import org.sdvp.data.oracle.QuestionForms.RelatedSubject;
import org.sdvp.data.oracle.QuestionForms.Side;
import org.sdvp.data.oracle.QuestionForms.Verify;
import org.sdvp.data.oracle.QuestionForms.VerifyPosition;
import org.sdvp.data.oracle.QuestionForms.VerifyRelation;

/** Answers one parsed sub-question about one region of one scene; empty when the scene cannot say. */
final class OracleAnswerer {
    private final AnnotatedScene scene;
    private final Box region;

    OracleAnswerer(AnnotatedScene scene, Box region) {
        this.scene = scene;
        this.region = region;
    }

    Optional<String> answer(Parsed p) {
        if (p instanceof Name q) return best(q.x()).map(SceneObject::name);
        if (p instanceof Attribute q) return best(q.x()).flatMap(o -> attributeOfType(o, q.type()));
        if (p instanceof Side q) return best(q.x()).map(o -> AnnotatedScene.horizontalPosition(o.box(), region));
        if (p instanceof Part q) return best(q.x()).map(o -> AnnotatedScene.verticalPosition(o.box(), region));
        if (p instanceof RelatedSubject q)
            return best(q.x()).flatMap(x -> subjectOf(q.relation(), x, null)).map(SceneObject::name);
        if (p instanceof RelatedObject q)
            return best(q.x()).flatMap(x -> objectOf(x, q.relation(), null)).map(SceneObject::name);
        if (p instanceof Verify q)
            return yesNo(best(q.x()).filter(o -> holds(o, q.value())).isPresent());
        if (p instanceof VerifyPosition q)
            return yesNo(best(q.x()).filter(o -> position(o, q.position())).isPresent());
        if (p instanceof VerifyRelation q) {
            Optional<SceneObject> x = best(q.x());
            Optional<SceneObject> t = x.flatMap(a -> q.targetIsSubject()
                    ? subjectOf(q.relation(), a, q.target())
                    : objectOf(a, q.relation(), q.target()));
            return yesNo(t.isPresent());
        }
        if (p instanceof Choose q)
            return best(q.x())
                    .flatMap(o -> holds(o, q.a())
                            ? Optional.of(q.a())
                            : holds(o, q.b()) ? Optional.of(q.b()) : Optional.empty());
        if (p instanceof ChoosePosition q)
            return best(q.x())
                    .flatMap(o -> position(o, q.a())
                            ? Optional.of(q.a())
                            : position(o, q.b()) ? Optional.of(q.b()) : Optional.empty());
        if (p instanceof ChooseRelation q) return chooseRelation(q);
        return Optional.empty();
    }

    /** The matching object lying most inside the region; ties go to the one filling the region most. */
    private Optional<SceneObject> best(String phrase) {
        return scene.objects().stream()
                .filter(o -> PhraseMatcher.matches(o, phrase, scene))
                .filter(o -> inside(o) > 0)
                .max(Comparator.comparingDouble(this::inside)
                        .thenComparingDouble(o -> o.box().iou(region)));
    }

    private double inside(SceneObject o) {
        double area = o.box().area();
        return area <= 0 ? 0 : o.box().intersection(region).area() / area;
    }

    private Optional<String> attributeOfType(SceneObject o, String type) {
        Set<String> values = Vocabulary.ATTRIBUTE_TYPES.get(type);
        if (values == null) return Optional.empty();
        return o.attributes().stream().filter(values::contains).findFirst();
    }

    private boolean holds(SceneObject o, String value) {
        String v = value.strip().replaceFirst("^(a|an) ", "");
        return PhraseMatcher.hasAttribute(o, v, scene) || PhraseMatcher.nameMatches(o, v);
    }

    private boolean position(SceneObject o, String position) {
        return position.equals(AnnotatedScene.horizontalPosition(o.box(), region))
                || position.equals(AnnotatedScene.verticalPosition(o.box(), region));
    }

    /** A thing S with {@code (S relation x)}, matching {@code phrase} if given; the one most in the region first. */
    private Optional<SceneObject> subjectOf(String relation, SceneObject x, String phrase) {
        return scene.objects().stream()
                .filter(s -> phrase == null || PhraseMatcher.matches(s, phrase, scene))
                .filter(s -> s.relations().stream()
                        .anyMatch(r -> same(r.name(), relation) && r.objectId().equals(x.id())))
                .max(Comparator.comparingDouble(this::inside)
                        .thenComparingDouble(s -> s.box().area()));
    }

    private Optional<SceneObject> objectOf(SceneObject x, String relation, String phrase) {
        List<SceneObject> targets = x.relations().stream()
                .filter(r -> same(r.name(), relation))
                .flatMap(r -> scene.object(r.objectId()).stream())
                .filter(o -> phrase == null || PhraseMatcher.matches(o, phrase, scene))
                .toList();
        return targets.stream()
                .max(Comparator.comparingDouble(this::inside)
                        .thenComparingDouble(o -> o.box().area()));
    }

    private Optional<String> chooseRelation(ChooseRelation q) {
        List<SceneObject> subjects = scene.objects().stream()
                .filter(o -> PhraseMatcher.matches(o, q.subject(), scene))
                .toList();
        List<SceneObject> objects = scene.objects().stream()
                .filter(o -> PhraseMatcher.matches(o, q.object(), scene))
                .toList();
        for (String option : List.of(q.a(), q.b())) {
            for (SceneObject s : subjects) {
                for (SceneObject o : objects) {
                    if (s != o
                            && s.relations().stream()
                                    .anyMatch(r -> same(r.name(), option)
                                            && r.objectId().equals(o.id()))) {
                        return Optional.of(shortRelation(option));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean same(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    /** GQA answers "Is X to the left or to the right of Y?" with "left" or "right". */
    static String shortRelation(String relation) {
        return relation.replaceFirst("^to the (left|right) of$", "$1");
    }

    private static Optional<String> yesNo(boolean b) {
        return Optional.of(b ? "yes" : "no");
    }
}
