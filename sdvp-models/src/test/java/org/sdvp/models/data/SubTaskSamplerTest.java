package org.sdvp.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.models.nn.Pixels;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;
import org.sdvp.world.program.VqaForms;

class SubTaskSamplerTest {
    @Test
    void examplesAreDeterministicAndWrittenInTheWorldsForms() {
        SubTaskSet a = WorldData.generate(6, StyleMix.general(), new SubTaskSampler(3, 2, 3, 2, 1), 5, "t", null);
        SubTaskSet b = WorldData.generate(6, StyleMix.general(), new SubTaskSampler(3, 2, 3, 2, 1), 5, "t", null);
        assertEquals(a.sha256(), b.sha256());
        assertEquals(30, a.vqa().size());
        assertEquals(18, a.loc().size());
        for (VqaExample e : a.vqa()) {
            assertTrue(VqaForms.parse(e.question()).isPresent(), "not a world form: " + e.question());
            assertTrue(WorldLexicon.answers().contains(e.answer()), "answer outside the lexicon: " + e.answer());
        }
        for (LocExample e : a.loc()) {
            for (var box : e.boxes()) {
                assertTrue(
                        box.x2() <= e.image().getWidth()
                                && box.y2() <= e.image().getHeight(),
                        box.toString());
            }
        }
    }

    @Test
    void cropsShareTheWholeImagesPixelsAndGiveTheNetworkTheSameInputsAsCopies() {
        SubTaskSet a = WorldData.generate(8, StyleMix.general(), new SubTaskSampler(4, 2, 4, 2, 1), 3, "t", null);
        List<BufferedImage> parts = new ArrayList<>();
        a.vqa().stream().filter(e -> e.image().getWidth() < 128).forEach(e -> parts.add(e.image()));
        a.match().stream().map(MatchExample::image).forEach(parts::add);
        a.loc().stream()
                .filter(e -> e.image().getWidth() < 128 || e.image().getHeight() < 128)
                .forEach(e -> parts.add(e.image()));
        assertTrue(parts.size() > 40, "crops: " + parts.size());
        for (BufferedImage view : parts) {
            assertNotNull(view.getRaster().getParent(), "a crop should be a view of its scene's image");
            BufferedImage copy = copy(view);
            assertArrayEquals(Pixels.fixedScalePlanes(copy, 64, 0.75), Pixels.fixedScalePlanes(view, 64, 0.75));
            assertArrayEquals(Pixels.planes(copy, 96, 96), Pixels.planes(view, 96, 96));
            assertArrayEquals(
                    Pixels.planes(copy, copy.getWidth(), copy.getHeight()),
                    Pixels.planes(view, view.getWidth(), view.getHeight()));
        }
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage c = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        c.setRGB(
                0,
                0,
                src.getWidth(),
                src.getHeight(),
                src.getRGB(0, 0, src.getWidth(), src.getHeight(), null, 0, src.getWidth()),
                0,
                src.getWidth());
        return c;
    }
}
