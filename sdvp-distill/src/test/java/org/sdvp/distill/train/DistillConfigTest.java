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
        assertEquals(defaults.withLearningRate(2e-3f).tau(), c.tau());
        assertEquals(defaults.vqaBatch(), c.vqaBatch());
        assertEquals(defaults, defaults.with(Map.of()), "no settings: the same config");
    }

    @Test
    void unknownNamesAndBadValuesAreRejectedWithTheReason() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("lr", "1")));
        assertTrue(unknown.getMessage().contains("'lr'") && unknown.getMessage().contains("learningRate"), unknown.getMessage());
        var notInt = assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("locBatch", "2.5")));
        assertTrue(notInt.getMessage().contains("whole number"), notInt.getMessage());
        var invalid = assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("tau", "0")));
        assertTrue(invalid.getMessage().contains("tau"), invalid.getMessage());
        var weight = assertThrows(IllegalArgumentException.class, () -> defaults.with(Map.of("locPositiveWeight", "0")));
        assertTrue(weight.getMessage().contains("locPositiveWeight"), weight.getMessage());
    }
}
