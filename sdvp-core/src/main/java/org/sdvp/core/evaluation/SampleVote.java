package org.sdvp.core.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.metric.AnswerNormalizer;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.source.ProgramSamples;

/**
 * Several programs per question ({@code --samples K}): runs every valid sample, and answers with the
 * majority over the samples that produced an answer (answers compared after {@link AnswerNormalizer}; a tie
 * goes to the answer seen first). When no sample is valid the source's fallback runs instead, counted. Every
 * sample's run, with its trace, is kept in {@link Execution#samples()}. Counts what it did for the results
 * ({@link #summary()}). Thread-safe.
 */
public final class SampleVote {

    /** Runs one program (the evaluator's framework call). */
    @FunctionalInterface
    public interface Runner {
        Execution run(String program) throws InvalidProgramException;
    }

    private final int samples;
    private final LongAdder questions = new LongAdder();
    private final LongAdder asked = new LongAdder();
    private final LongAdder valid = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder voted = new LongAdder();
    private final DoubleAdder agreement = new DoubleAdder();

    public SampleVote(int samples) {
        if (samples < 1) throw new IllegalArgumentException("--samples must be at least 1: " + samples);
        this.samples = samples;
    }

    public int samples() {
        return samples;
    }

    /** The winning run, holding every sample's run. */
    public Execution run(ProgramSamples programs, Runner runner) throws InvalidProgramException {
        questions.increment();
        asked.add(programs.asked());
        valid.add(programs.valid().size());
        if (programs.valid().isEmpty()) {
            String fallback = programs.fallback()
                    .orElseThrow(() -> new IllegalArgumentException("no valid sample and no fallback"));
            fallbacks.increment();
            Execution e = runner.run(fallback);
            return new Execution(e.result(), e.trace(), e.failure(), List.of(e));
        }
        List<Execution> runs = new ArrayList<>();
        for (String p : programs.valid()) {
            try {
                runs.add(runner.run(p));
            } catch (InvalidProgramException e) {
                // checked when generated, so only a framework that checks more at run time gets here: no vote
            }
        }
        if (runs.isEmpty())
            throw new InvalidProgramException(List.of(new org.sdvp.core.program.ProgramError(
                    0, 0, "", "none of the " + programs.valid().size() + " valid samples could run")));
        Map<String, Integer> votes = new LinkedHashMap<>(); // insertion order: ties go to the first answer
        Map<String, Execution> firstWith = new LinkedHashMap<>();
        for (Execution e : runs) {
            if (!e.succeeded() || e.result().isEmpty()) continue;
            String key = AnswerNormalizer.normalize(e.result().get().display());
            votes.merge(key, 1, Integer::sum);
            firstWith.putIfAbsent(key, e);
        }
        int count = votes.values().stream().mapToInt(Integer::intValue).sum();
        answered.add(count);
        if (count == 0) {
            Execution first = runs.get(0);
            return new Execution(first.result(), first.trace(), first.failure(), runs);
        }
        String best = null;
        for (Map.Entry<String, Integer> v : votes.entrySet()) {
            if (best == null || v.getValue() > votes.get(best)) best = v.getKey();
        }
        voted.increment();
        agreement.add((double) votes.get(best) / count);
        Execution winner = firstWith.get(best);
        return new Execution(winner.result(), winner.trace(), winner.failure(), runs);
    }

    /**
     * For results.json: {@code samples} (K), {@code valid} (share of sampled programs that passed the
     * check), {@code answered} (share that ran to an answer), {@code agreement} (mean share of a question's
     * answers that agree with its majority, over questions with an answer), {@code fallbacks} (questions
     * with no valid sample), {@code questions}. A share with nothing to divide (no question asked, none
     * answered) is left out rather than written as NaN, which is not JSON.
     */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        long a = asked.sum();
        m.put("samples", (double) samples);
        m.put("questions", (double) questions.sum());
        if (a > 0) {
            m.put("valid", (double) valid.sum() / a);
            m.put("answered", (double) answered.sum() / a);
        }
        if (voted.sum() > 0) m.put("agreement", agreement.sum() / voted.sum());
        m.put("fallbacks", (double) fallbacks.sum());
        return m;
    }
}
