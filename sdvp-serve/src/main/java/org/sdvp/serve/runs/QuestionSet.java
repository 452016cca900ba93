package org.sdvp.serve.runs;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The questions of one row on one task.
 *
 * @param complete false when only {@code results.json}'s misses were available (no question file): the list
 *                 then holds the wrong answers only
 * @param leftOut  questions the evaluation did not record (the question file's bound)
 */
public record QuestionSet(List<QuestionRecord> questions, boolean complete, int leftOut) {
    public static final QuestionSet EMPTY = new QuestionSet(List.of(), false, 0);

    public QuestionSet {
        questions = List.copyOf(questions);
    }

    public Map<String, QuestionRecord> byId() {
        return questions.stream()
                .collect(Collectors.toMap(
                        QuestionRecord::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
