package org.sdvp.data.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.evaluation.TypeScore;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.NumberValue;
import org.sdvp.core.value.TextValue;
import org.sdvp.data.nlvr2.Nlvr2Consistency;

class MetricsTest {

    private static QuestionResult r(String id, boolean right) {
        return new QuestionResult(id, "statement", "s", right ? "yes" : "no", "yes", right ? 1 : 0, null);
    }

    @Test
    void nlvr2ConsistencyOnAHandCheckedCase() {
        // sentence dev-1-0: pairs 0,1,2 all right → consistent
        // sentence dev-1-1: pair 0 right, pair 3 wrong → not
        // sentence dev-2-0: one pair, right → consistent
        // sentence dev-3-2: one pair that failed to run → not
        List<QuestionResult> results = List.of(
                r("dev-1-0-0", true),
                r("dev-1-1-0", true),
                r("dev-1-2-0", true),
                r("dev-1-0-1", true),
                r("dev-1-3-1", false),
                r("dev-2-0-0", true),
                new QuestionResult("dev-3-0-2", "statement", "s", null, "yes", 0, "step 1 failed"));
        assertEquals(2.0 / 4, Nlvr2Consistency.of(results), 1e-12);
        // accuracy over the same results is 5/7: consistency is the stricter figure
        assertEquals(0, Nlvr2Consistency.of(List.of()));
        Nlvr2Consistency.Listener listener = new Nlvr2Consistency.Listener();
        for (QuestionResult q : results) listener.questionDone(null, q, java.util.Optional.empty());
        assertEquals(0.5, listener.consistency(), 1e-12);
    }

    @Test
    void booleanAccuracyReadsAnySpellingOfABoolean() {
        BooleanAccuracy acc = new BooleanAccuracy();
        assertEquals(1, acc.score(new TextValue("True"), BoolValue.TRUE));
        assertEquals(1, acc.score(new TextValue("yes"), BoolValue.TRUE));
        assertEquals(1, acc.score(BoolValue.FALSE, BoolValue.FALSE));
        assertEquals(0, acc.score(new TextValue("no"), BoolValue.TRUE));
        assertEquals(0, acc.score(new TextValue("2"), BoolValue.TRUE));
    }

    @Test
    void exactMatchUsesTheVqaNormalisation() {
        ExactMatch em = new ExactMatch();
        assertEquals(1, em.score(new TextValue("Two."), new TextValue("2")));
        assertEquals(1, em.score(new NumberValue(3), new TextValue("three")));
        assertEquals(1, em.score(new TextValue("The white car"), new TextValue("white car")));
        assertEquals(1, em.score(BoolValue.TRUE, new TextValue("yes")));
        assertEquals(0, em.score(new TextValue("white"), new TextValue("black")));
        // the VQA script's number and contraction handling
        assertEquals(1, em.score(new TextValue("1,000"), new TextValue("1000")));
        assertEquals(1, em.score(new TextValue("dont"), new TextValue("don't")));
        assertEquals(0, em.score(new TextValue("1 000"), new TextValue("1000")));
    }

    @Test
    void groundingAccuracyCountsTheFirstBoxAtIouHalf() {
        GroundingAccuracy acc = new GroundingAccuracy();
        BoxesValue gold = new BoxesValue(List.of(new Detection(new Box(0, 0, 10, 10), "cup", 1)));
        BoxesValue overlapping = new BoxesValue(List.of(new Detection(new Box(0, 0, 10, 6), "cup", 0.9))); // IoU 0.6
        BoxesValue shifted = new BoxesValue(List.of(new Detection(new Box(5, 0, 15, 10), "cup", 0.9))); // IoU 1/3
        BoxesValue secondRight = new BoxesValue(List.of(
                new Detection(new Box(50, 50, 60, 60), "x", 0.9), new Detection(new Box(0, 0, 10, 10), "cup", 0.8)));
        assertEquals(1, acc.score(overlapping, gold));
        assertEquals(0, acc.score(shifted, gold));
        assertEquals(0, acc.score(secondRight, gold));
        assertEquals(0, acc.score(BoxesValue.empty(), gold));
        assertEquals(0, acc.score(new TextValue("cup"), gold));
        assertEquals("iou@0.5", acc.name());
    }

    @Test
    void gqaBreakdownRegroupsStructuralAndSemanticTypesByCount() {
        GqaBreakdown b = GqaBreakdown.of(Map.of(
                "query/attr", new TypeScore(3, 1.0),
                "query/rel", new TypeScore(1, 0.0),
                "verify/attr", new TypeScore(2, 0.5)));
        assertEquals(new TypeScore(4, 0.75), b.structural().get("query"));
        assertEquals(new TypeScore(2, 0.5), b.structural().get("verify"));
        assertEquals(new TypeScore(5, 0.8), b.semantic().get("attr"));
        assertEquals(new TypeScore(1, 0.0), b.semantic().get("rel"));
    }
}
