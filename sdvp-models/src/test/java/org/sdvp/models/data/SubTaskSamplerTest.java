package org.sdvp.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;
import org.sdvp.models.teacher.FormParser;

class SubTaskSamplerTest {
    @Test
    void examplesAreDeterministicAndWrittenInTheWorldsForms() {
        SubTaskSet a = WorldData.generate(6, StyleMix.general(), new SubTaskSampler(3, 2, 3, 2, 1), 5, "t", null);
        SubTaskSet b = WorldData.generate(6, StyleMix.general(), new SubTaskSampler(3, 2, 3, 2, 1), 5, "t", null);
        assertEquals(a.sha256(), b.sha256());
        assertEquals(30, a.vqa().size());
        assertEquals(18, a.loc().size());
        for (VqaExample e : a.vqa()) {
            assertTrue(FormParser.parse(e.question()).isPresent(), "not a world form: " + e.question());
            assertTrue(WorldLexicon.answers().contains(e.answer()), "answer outside the lexicon: " + e.answer());
        }
        for (LocExample e : a.loc()) {
            for (var box : e.boxes()) {
                assertTrue(box.x2() <= e.image().getWidth() && box.y2() <= e.image().getHeight(), box.toString());
            }
        }
    }
}
