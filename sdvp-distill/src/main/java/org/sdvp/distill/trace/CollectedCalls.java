package org.sdvp.distill.trace;

import java.util.List;
import java.util.Map;
import org.sdvp.core.evaluation.EvalResult;

/**
 * The result of a trace collection run.
 *
 * @param calls           every distillable call, in question order
 * @param questions       questions run
 * @param consistent      questions whose program gave the gold answer
 * @param callsByKind     calls per kind (LOC, VQA, MATCH)
 * @param consistentByKind calls per kind that pass answer-consistent filtering
 * @param evaluation      the run's score and misses, as {@code sdvp eval} reports them
 */
public record CollectedCalls(
        List<SubTaskCall> calls,
        int questions,
        int consistent,
        Map<String, Integer> callsByKind,
        Map<String, Integer> consistentByKind,
        EvalResult evaluation) {
    public CollectedCalls {
        calls = List.copyOf(calls);
        callsByKind = Map.copyOf(callsByKind);
        consistentByKind = Map.copyOf(consistentByKind);
    }

    /** {@code 500 questions (412 answer-consistent); calls LOC 900 (740 kept), VQA 610 (530 kept)} */
    public String summary() {
        StringBuilder b = new StringBuilder(questions + " questions (" + consistent + " answer-consistent); calls");
        callsByKind.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(' ')
                        .append(e.getKey())
                        .append(' ')
                        .append(e.getValue())
                        .append(" (")
                        .append(consistentByKind.getOrDefault(e.getKey(), 0))
                        .append(" kept)"));
        return b.toString();
    }

    /** The calls that pass answer-consistent filtering. */
    public List<SubTaskCall> consistentCalls() {
        return calls.stream().filter(SubTaskCall::answerConsistent).toList();
    }
}
