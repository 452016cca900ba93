package org.sdvp.world.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.io.DataException;
import org.sdvp.core.metric.Metric;
import org.sdvp.data.clevr.program.Flavor;
import org.sdvp.world.question.GqaQuestions;
import org.sdvp.world.question.NlvrQuestions;
import org.sdvp.world.question.QuestionFactory;
import org.sdvp.world.question.SingleImageQuestions;

/**
 * One task of the world: its questions, default style, program flavour, answers and metric.
 *
 * @param role "target" (distillation targets, in domains of their own) or "unseen"
 */
public record WorldTaskSpec(
        String name,
        String role,
        String description,
        QuestionFactory questions,
        String defaultStyle,
        Flavor flavor,
        AnswerKind answers,
        Metric metric) {

    private static final Map<String, WorldTaskSpec> ALL = new LinkedHashMap<>();

    static {
        add(new WorldTaskSpec(
                "gqa-sim",
                "target",
                "GQA-like compositional questions about one image (query, verify, exist, relate, and/or, choose, compare)",
                new GqaQuestions(),
                "dusk",
                Flavor.GQA,
                AnswerKind.WORD,
                WorldMetrics.EXACT_MATCH));
        add(new WorldTaskSpec(
                "nlvr-sim",
                "target",
                "NLVR2-like true/false statements about an image pair (counts, existence, attributes)",
                new NlvrQuestions(),
                "clutter",
                Flavor.NLVR,
                AnswerKind.LABEL,
                WorldMetrics.ACCURACY));
        add(new WorldTaskSpec(
                "count-sim",
                "unseen",
                "How many ...? (plain or relative to an object)",
                new SingleImageQuestions.Count(),
                "studio",
                Flavor.GQA,
                AnswerKind.NUMBER,
                WorldMetrics.EXACT_MATCH));
        add(new WorldTaskSpec(
                "ref-sim",
                "unseen",
                "a referring expression, answered by the referent's box",
                new SingleImageQuestions.Ref(),
                "overcast",
                Flavor.GQA,
                AnswerKind.BOX,
                WorldMetrics.IOU));
        add(new WorldTaskSpec(
                "tag-sim",
                "unseen",
                "Tag the ... with their <attribute>s: labelled boxes",
                new SingleImageQuestions.Tagging(),
                "fog",
                Flavor.GQA,
                AnswerKind.TAGS,
                WorldMetrics.F1));
    }

    private static void add(WorldTaskSpec t) {
        ALL.put(t.name(), t);
    }

    public static List<WorldTaskSpec> all() {
        return List.copyOf(ALL.values());
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** Whether {@code name} is one of the world's tasks (the others are real datasets' or users' own). */
    public static boolean isWorldTask(String name) {
        return ALL.containsKey(name);
    }

    /** @throws IllegalArgumentException listing the valid names */
    public static WorldTaskSpec get(String name) {
        WorldTaskSpec t = ALL.get(name);
        if (t == null)
            throw new IllegalArgumentException(
                    "unknown task '" + name + "'; valid tasks: " + String.join(", ", names()));
        return t;
    }

    /** {@link #get} for user input: an unknown name is bad input (exit 2), listing the valid ones. */
    public static WorldTaskSpec find(String name) throws DataException {
        try {
            return get(name);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage());
        }
    }

    public boolean pairs() {
        return questions.images() == 2;
    }

    /** The questions file of a split folder. */
    public String questionsFile() {
        return pairs() ? "questions.jsonl" : "questions.json";
    }
}
