package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentPresetTest {
    @Test
    void presetsHaveTheirDocumentedSizes() {
        ExperimentPreset q = ExperimentPreset.named("quick");
        assertEquals(150, q.testQuestions());
        assertEquals(300, q.trainQuestions());
        assertEquals(150, q.steps());
        assertEquals(200, q.replayScenes());
        assertEquals(List.of(1L), q.seeds());
        assertEquals("quick", q.pretrainPreset());
        assertEquals("quick", q.teacherPreset());
        assertFalse(q.ablations());
        ExperimentPreset d = ExperimentPreset.named("default");
        assertEquals(1000, d.testQuestions());
        assertEquals(1000, d.trainQuestions());
        assertEquals(200, d.steps());
        assertEquals(300, d.replayScenes());
        assertEquals(List.of(1L, 2L, 3L), d.seeds());
        assertEquals("default", d.pretrainPreset());
        assertTrue(d.ablations());
        assertEquals(200, d.distillConfig(2).steps());
        assertEquals(2, d.distillConfig(2).seed());
    }

    @Test
    void unknownPresetNamesTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> ExperimentPreset.named("huge"));
        assertTrue(e.getMessage().contains("quick, default"), e.getMessage());
    }

    @Test
    void seedsParseAndBadListsAreRejectedWithTheReason() {
        assertEquals(List.of(1L, 2L, 3L), ExperimentPreset.parseSeeds("1,2,3"));
        assertEquals(List.of(7L), ExperimentPreset.parseSeeds(" 7 "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExperimentPreset.parseSeeds("1,x"))
                .getMessage()
                .contains("'x'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExperimentPreset.parseSeeds("1,1"))
                .getMessage()
                .contains("twice"));
        assertThrows(IllegalArgumentException.class, () -> ExperimentPreset.parseSeeds("1,,2"));
        assertThrows(IllegalArgumentException.class, () -> ExperimentPreset.parseSeeds("-1"));
        assertThrows(IllegalArgumentException.class, () -> ExperimentPreset.parseSeeds(""));
    }

    @Test
    void seedsAndAblationsCanBeOverridden() {
        ExperimentPreset p =
                ExperimentPreset.standard().withSeeds(List.of(4L, 5L)).withAblations(false);
        assertEquals(List.of(4L, 5L), p.seeds());
        assertEquals(4L, p.ablationSeed());
        assertFalse(p.ablations());
        assertThrows(IllegalArgumentException.class, () -> p.withSeeds(List.of()));
    }
}
