package org.sdvp.distill.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdvp.core.service.ServiceKind;

/**
 * A set's digest is provenance (the resumable state's data check, the checkpoint's config.json): computing
 * it once per set must give the digest of hashing it afresh, and a set with other contents another digest.
 */
class DistillSetTest {
    private static BufferedImage image(int rgb) {
        BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) for (int x = 0; x < 8; x++) img.setRGB(x, y, rgb + 31 * x + 7 * y);
        return img;
    }

    private static DistillSet set(float p) {
        return new DistillSet(
                List.of(new DistillTarget.Vqa(image(0x102030), "what color?", new float[] {0.25f, 0.75f})),
                List.of(new DistillTarget.Match(image(0x405060), "red cube", p)),
                List.of(new DistillTarget.Loc(image(0x708090), "cube", new float[] {0.5f}, new float[] {1, 2, 3, 4})));
    }

    @Test
    void theDigestIsComputedOnceAndIsTheDigestOfAnEqualSetHashedAfresh() {
        DistillSet a = set(0.9f);
        String first = a.sha256();
        assertEquals(first, a.sha256(), "asked again");
        // an equal set made anew holds other image objects: hashed from its own pixels, the same digest
        assertEquals(first, set(0.9f).sha256());
        assertNotEquals(first, set(0.8f).sha256(), "another label, another digest");
        assertNotEquals(
                first, a.restrictTo(Set.of(ServiceKind.VQA, ServiceKind.LOC)).sha256());
        assertEquals(a.sha256(), a.plus(DistillSet.empty()).sha256(), "the same targets in another set object");
    }
}
