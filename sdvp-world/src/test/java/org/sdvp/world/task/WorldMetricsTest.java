package org.sdvp.world.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.core.value.BoolValue;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.TextValue;

class WorldMetricsTest {
    private static BoxesValue boxes(Detection... d) {
        return new BoxesValue(List.of(d));
    }

    private static Detection det(double x1, double y1, double x2, double y2, String label) {
        return new Detection(new Box(x1, y1, x2, y2), label, 1);
    }

    @Test
    void iouCountsTheFirstBoxAtHalfOverlap() {
        var gold = boxes(det(0, 0, 10, 10, ""));
        assertEquals(1, WorldMetrics.IOU.score(boxes(det(0, 0, 10, 8, "x")), gold));
        assertEquals(0, WorldMetrics.IOU.score(boxes(det(5, 5, 15, 15, "x")), gold));
        assertEquals(0, WorldMetrics.IOU.score(BoxesValue.empty(), gold));
        assertEquals(0, WorldMetrics.IOU.score(new TextValue("red"), gold));
    }

    @Test
    void f1NeedsTheLabelAndTheOverlap() {
        var gold = boxes(det(0, 0, 10, 10, "red"), det(20, 20, 30, 30, "blue"));
        assertEquals(1, WorldMetrics.F1.score(gold, gold));
        assertEquals(0.5, WorldMetrics.F1.score(boxes(det(0, 0, 10, 10, "red"), det(20, 20, 30, 30, "red")), gold));
        assertEquals(2.0 / 3, WorldMetrics.F1.score(boxes(det(0, 0, 10, 10, "Red")), gold), 1e-9);
        assertEquals(1, WorldMetrics.F1.score(BoxesValue.empty(), BoxesValue.empty()));
    }

    @Test
    void accuracyComparesTrueFalseWithYesNo() {
        assertEquals(1, WorldMetrics.ACCURACY.score(new TextValue("yes"), BoolValue.TRUE));
        assertEquals(1, WorldMetrics.ACCURACY.score(BoolValue.FALSE, BoolValue.FALSE));
        assertEquals(0, WorldMetrics.ACCURACY.score(new TextValue("no"), BoolValue.TRUE));
    }
}
