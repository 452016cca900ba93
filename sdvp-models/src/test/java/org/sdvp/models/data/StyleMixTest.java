package org.sdvp.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StyleMixTest {
    @Test
    void sharesHoldExactlyAndTargetStylesAreAbsent() {
        List<String> s = StyleMix.general().assign(100);
        assertEquals(40, Collections.frequency(s, "studio"));
        assertEquals(30, Collections.frequency(s, "overcast"));
        assertEquals(30, Collections.frequency(s, "fog"));
        assertEquals(0, Collections.frequency(s, "dusk") + Collections.frequency(s, "clutter"));
        // every prefix is close to the shares too
        List<String> first10 = s.subList(0, 10);
        assertEquals(4, Collections.frequency(first10, "studio"));
    }
}
