package org.sdvp.data.oracle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sdvp.core.value.Box;

class CropRuleTest {

    @Test
    void theAnchorOfADirectionalCropIsOutsideItAndAnObjectOnePixelBeyondItIsInside() {
        // CROP_ABOVE of an anchor centred at y = 40.5: the cut rounds outwards to y2 = 41
        assertFalse(CropRule.contains(new Box(0, 0, 128, 41), 64, 40.5), "the anchor itself");
        // anchor centred at y = 40: the cut is at 40; count-sim question 619 had a cube 1 px above such an
        // anchor, which the one-pixel margin clevr-oracle had lost
        Box above = new Box(0, 0, 128, 40);
        assertFalse(CropRule.contains(above, 64, 40), "the anchor itself");
        assertTrue(CropRule.contains(above, 64, 39));
        assertFalse(CropRule.contains(above, 0.5, 20), "on the left edge's half pixel");
    }
}
