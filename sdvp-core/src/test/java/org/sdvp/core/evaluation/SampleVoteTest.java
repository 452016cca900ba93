package org.sdvp.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.StepFailure;
import org.sdvp.core.source.ProgramSamples;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.value.TextValue;

/** The vote over several programs per question: majority, first on ties, failures ignored, fallback counted. */
class SampleVoteTest {
    /** "answer:X" answers X, "fail" fails; every run is recorded. */
    private final List<String> ran = new ArrayList<>();

    private Execution run(String program) {
        ran.add(program);
        Trace trace = new Trace(program, Map.of(), List.of());
        if (program.equals("fail"))
            return new Execution(Optional.empty(), trace, Optional.of(new StepFailure(0, 1, "x", "boom")));
        return new Execution(
                Optional.of(new TextValue(program.substring("answer:".length()))), trace, Optional.empty());
    }

    private static ProgramSamples samples(int asked, String... valid) {
        return new ProgramSamples(asked, List.of(valid), Optional.empty());
    }

    @Test
    void theMajorityWinsAndEverySampleIsKept() throws Exception {
        SampleVote vote = new SampleVote(5);
        Execution e = vote.run(
                samples(5, "answer:blue", "answer:red", "answer:Blue", "answer:red", "answer:blue"), this::run);
        assertEquals("blue", e.result().orElseThrow().display());
        assertEquals("answer:blue", e.trace().programSource(), "the winner's own trace");
        assertEquals(5, e.samples().size());
        assertEquals(0.6, vote.summary().get("agreement"), 1e-9);
        assertEquals(1.0, vote.summary().get("valid"), 1e-9);
    }

    @Test
    void aTieGoesToTheAnswerSeenFirstAndFailuresDoNotVote() throws Exception {
        SampleVote vote = new SampleVote(5);
        Execution e = vote.run(samples(5, "fail", "answer:2", "answer:3", "answer:3", "answer:2"), this::run);
        assertEquals("2", e.result().orElseThrow().display());
        assertEquals(0.5, vote.summary().get("agreement"), 1e-9);
        assertEquals(0.8, vote.summary().get("answered"), 1e-9);
    }

    @Test
    void invalidSamplesAreDroppedAndNoneValidRunsTheCountedFallback() throws Exception {
        SampleVote vote = new SampleVote(4);
        Execution some = vote.run(samples(4, "answer:yes"), this::run);
        assertEquals("yes", some.result().orElseThrow().display());
        Execution none = vote.run(new ProgramSamples(4, List.of(), Optional.of("answer:fallback")), this::run);
        assertEquals("fallback", none.result().orElseThrow().display());
        Map<String, Double> s = vote.summary();
        assertEquals(1.0 / 8, s.get("valid"), 1e-9);
        assertEquals(1.0, s.get("fallbacks"));
        assertEquals(List.of("answer:yes", "answer:fallback"), ran);
        assertTrue(s.get("agreement") == 1.0, s.toString());
    }
}
