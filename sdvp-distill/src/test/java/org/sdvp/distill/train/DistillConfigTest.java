package org.sdvp.distill.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DistillConfigTest {
    private final DistillConfig defaults = DistillConfig.defaults(200, 1);

    @Test
    void settingsByNameReplaceOnlyThoseFields() {
        DistillConfig c = defaults.with(Map.of("learningRate", "2e-3", "locBatch", "8", "frozenUnits", "0"));
        assertEquals(2e-3f, c.learningRate());
        assertEquals(8, c.locBatch());
        assertEquals(0, c.frozenUnits());
        assertEquals(defaults.tau(), c.tau());
        assertEquals(defaults.vqaBatch(), c.vqaBatch());
        assertEquals(defaults, defaults.with(Map.of()), "no settings: the same config");
    }

    @Test
    void theBuilderStartsFromTheDefaultsAndRoundTrips() {
        assertEquals(defaults, defaults.toBuilder().build(), "toBuilder keeps every setting");
        DistillConfig c = DistillConfig.builder(200, 1).tau(4f).build();
        assertEquals(4f, c.tau());
        assertEquals(defaults.with(Map.of("tau", "4")), c, "the builder and --set name the same settings");
        assertEquals(12, defaults.locBatch(), "12 LOC labels per step, chosen on val for student v2");
    }

    @Test
    void naiveFineTuningDropsReplayFreezingAndRecalibrationOnly() {
        DistillConfig n = defaults.naive();
        assertEquals(0, n.replayVqa() + n.replayMatch() + n.replayLoc());
        assertEquals(0f, n.beta());
        assertEquals(0, n.frozenUnits());
        assertTrue(!n.selfDistills());
        assertEquals(
                defaults.toBuilder()
                        .replayVqa(0)
                        .replayMatch(0)
                        .replayLoc(0)
                        .beta(0)
                        .frozenUnits(0)
                        .recalibrate(false)
                        .weightMix(1f)
                        .build(),
                n);
    }

    @Test
    void stagesChooseTheirGroundingThresholdAgainUnlessToldNotTo() {
        assertTrue(defaults.recalibrate(), "recalibration on general val scenes, chosen on val for student v2");
        assertTrue(!defaults.with(Map.of("recalibrate", "false")).recalibrate());
    }

    @Test
    void groundingTrainsObjectnessOverTheTeachersObjectsUnlessToldToTrainOneCombinedScore() {
        assertTrue(defaults.locObjects(), "chosen with the longer-pretrained S0 on val, docs/results.md");
        assertEquals(2f, defaults.locWeight());
        assertTrue(!defaults.with(Map.of("locObjects", "false")).locObjects());
    }

    @Test
    void weightMixIsAShareOfTheDistilledWeights() {
        assertEquals(0.6f, defaults.weightMix(), "chosen on the val splits of both targets, docs/results.md");
        assertEquals(0.7f, defaults.with(Map.of("weightMix", "0.7")).weightMix());
        var outside = assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("weightMix", "1.2")));
        assertTrue(outside.getMessage().contains("weightMix"), outside.getMessage());
    }

    @Test
    void fewerStepsCapWarmUpAndCheckpoints() {
        DistillConfig c = defaults.withSteps(30);
        assertEquals(30, c.steps());
        assertEquals(3, c.warmupSteps());
        assertEquals(30, c.checkpointEvery());
    }

    @Test
    void unknownNamesAndBadValuesAreRejectedWithTheReason() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("lr", "1")));
        assertTrue(
                unknown.getMessage().contains("'lr'") && unknown.getMessage().contains("learningRate"),
                unknown.getMessage());
        var notInt = assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("locBatch", "2.5")));
        assertTrue(notInt.getMessage().contains("whole number"), notInt.getMessage());
        var invalid = assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("tau", "0")));
        assertTrue(invalid.getMessage().contains("tau"), invalid.getMessage());
        var weight =
                assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("locPositiveWeight", "0")));
        assertTrue(weight.getMessage().contains("locPositiveWeight"), weight.getMessage());
    }
}
