package org.sdvp.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordSettingsTest {
    record Inner(int a) {}

    record Config(int steps, double rate, boolean flag, List<Integer> sizes, Inner inner) {
        Config {
            if (steps < 1) throw new IllegalArgumentException("steps must be >= 1");
        }
    }

    private static final Config BASE = new Config(10, 0.5, true, List.of(1, 2), new Inner(3));

    @Test
    void replacesNumbersBooleansAndListsByName() {
        Config c = RecordSettings.with(
                BASE,
                Config.class,
                Map.of("steps", "20", "rate", "2e-3", "flag", "false", "sizes", "4, 5,6"),
                "setting");
        assertEquals(new Config(20, 2e-3, false, List.of(4, 5, 6), new Inner(3)), c);
    }

    @Test
    void unknownNameListsTheValidOnesButNotNestedRecords() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RecordSettings.with(BASE, Config.class, Map.of("stepz", "2"), "widget setting"));
        assertTrue(
                e.getMessage().contains("unknown widget setting 'stepz'; valid: flag, rate, sizes, steps"),
                e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> RecordSettings.with(BASE, Config.class, Map.of("inner", "1"), "setting"));
    }

    @Test
    void badValuesAreNamedAndTheConstructorStillValidates() {
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> RecordSettings.with(BASE, Config.class, Map.of("steps", "1.5"), "s"))
                .getMessage()
                .contains("steps: not a whole number: '1.5'"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> RecordSettings.with(BASE, Config.class, Map.of("flag", "yes"), "s"))
                .getMessage()
                .contains("flag: not true or false"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> RecordSettings.with(BASE, Config.class, Map.of("steps", "0"), "s"))
                .getMessage()
                .contains("steps must be >= 1"));
    }
}
