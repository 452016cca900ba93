package org.sdvp.world.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StyleMixTest {
    @Test
    void aSingleStyleIsAlwaysPicked() {
        StyleMix m = StyleMix.parse("dusk");
        assertTrue(m.single());
        assertEquals("dusk", m.pick(42));
    }

    @Test
    void weightsSetTheShares() {
        StyleMix m = StyleMix.parse("studio:65, fog:25, clutter:10");
        Map<String, Integer> n = new HashMap<>();
        for (long seed = 0; seed < 20_000; seed++) n.merge(m.pick(seed * 7919), 1, Integer::sum);
        assertEquals(0.65, n.get("studio") / 20_000.0, 0.02);
        assertEquals(0.25, n.get("fog") / 20_000.0, 0.02);
        assertEquals(0.10, n.get("clutter") / 20_000.0, 0.02);
        assertEquals(m.pick(5), m.pick(5));
    }

    @Test
    void generalMeansTheThreeGeneralStyles() {
        assertEquals(
                List.of("studio", "overcast", "fog"), StyleMix.parse("general").styles());
    }

    @Test
    void badSpecsAreRejectedWithTheValidNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> StyleMix.parse("studio,noir"));
        assertTrue(e.getMessage().contains("valid styles: studio, overcast, fog, dusk, clutter"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StyleMix.parse("studio:0"));
        assertThrows(IllegalArgumentException.class, () -> StyleMix.parse("studio:x"));
        assertThrows(IllegalArgumentException.class, () -> StyleMix.parse("fog,fog"));
    }
}
