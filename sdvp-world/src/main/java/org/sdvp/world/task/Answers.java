package org.sdvp.world.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.TextValue;
import org.sdvp.core.value.Value;
import org.sdvp.data.clevr.ClevrQuestion;
import org.sdvp.data.clevr.program.SymbolicExecutor.ObjRef;
import org.sdvp.data.clevr.program.SymbolicExecutor.Tag;
import org.sdvp.world.scene.Scene;

/**
 * Ground truth in its three forms: the string written as {@code answer} (plus {@code answer_box} /
 * {@code answer_tags} for box answers), the key answers are balanced on, and the gold {@link Value} a
 * correct program returns.
 */
public final class Answers {
    private Answers() {}

    /** The key for balancing; null for box answers, which are not balanced. */
    static String balanceKey(AnswerKind kind, Object answer) {
        return switch (kind) {
            case WORD, NUMBER, LABEL -> text(kind, answer);
            case BOX, TAGS -> null;
        };
    }

    static String text(AnswerKind kind, Object answer) {
        if (answer instanceof Boolean b) return kind == AnswerKind.LABEL ? (b ? "True" : "False") : (b ? "yes" : "no");
        return answer.toString();
    }

    /** Writes the answer fields of a question entry. */
    static void write(ObjectNode q, AnswerKind kind, Object answer, Scene scene) {
        switch (kind) {
            case BOX -> {
                Box b = scene.view(((ObjRef) answer).index()).box();
                q.put("answer", b.toString());
                q.set("answer_box", box(b));
            }
            case TAGS -> {
                @SuppressWarnings("unchecked")
                List<Tag> tags = (List<Tag>) answer;
                List<String> parts = new ArrayList<>();
                var arr = q.putArray("answer_tags");
                for (Tag t : tags) {
                    parts.add(t.label() + " " + t.box());
                    ObjectNode tn = arr.addObject();
                    tn.set("box", box(t.box()));
                    tn.put("label", t.label());
                }
                q.put("answer", String.join("; ", parts));
            }
            default -> q.put(kind == AnswerKind.LABEL ? "label" : "answer", text(kind, answer));
        }
    }

    private static JsonNode box(Box b) {
        return org.sdvp.world.io.WorldFiles.array()
                .add((int) b.x1())
                .add((int) b.y1())
                .add((int) b.x2())
                .add((int) b.y2());
    }

    /** The gold value of a {@code questions.jsonl} row: its NLVR2 {@code label}. */
    static Value gold(AnswerKind kind, String label) {
        if (kind != AnswerKind.LABEL)
            throw new IllegalArgumentException("image pairs answer with a label, not " + kind);
        String l = required(label, "label");
        if (!l.equals("True") && !l.equals("False"))
            throw new IllegalArgumentException("label must be True or False: " + l);
        return BoolValue.of(l.equals("True"));
    }

    /** The gold value of a {@code questions.json} entry, as the shared CLEVR reader bound it. */
    static Value gold(AnswerKind kind, ClevrQuestion q) {
        return switch (kind) {
            case WORD, NUMBER -> new TextValue(required(q.answer(), "answer"));
            case LABEL ->
                throw new IllegalArgumentException("label answers are written to questions.jsonl, not questions.json");
            case BOX -> new BoxesValue(List.of(new Detection(box(required(q.answerBox(), "answer_box")), "", 1)));
            case TAGS -> {
                List<Detection> ds = new ArrayList<>();
                for (ClevrQuestion.AnswerTag t : required(q.answerTags(), "answer_tags")) {
                    ds.add(new Detection(box(t.box()), required(t.label(), "label"), 1));
                }
                yield new BoxesValue(ds);
            }
        };
    }

    private static <T> T required(T v, String field) {
        if (v == null) throw new IllegalArgumentException("missing '" + field + "'");
        return v;
    }

    private static Box box(List<Double> a) {
        if (a == null || a.size() != 4) throw new IllegalArgumentException("a box needs 4 numbers");
        return new Box(a.get(0), a.get(1), a.get(2), a.get(3));
    }
}
