package org.sdvp.core.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vocabulary adapter between a teacher's answers and a student's: what maps, and what is counted. */
class AnswerMappingTest {
    @Test
    void answersMapByTheirNormalisedStringAndTheRestIsCounted() {
        AnswerMapping m = new AnswerMapping(List.of("2", "cylinder", "yes"));
        assertArrayEquals(
                new float[] {0.5f, 0.25f, 0.25f},
                m.map(Map.of("Two", 0.4, "a cylinder", 0.2, "True", 0.2, "man", 0.2)),
                1e-6f,
                "renormalised over what maps");
        assertNull(m.map(Map.of("man", 0.9, "table", 0.1)), "nothing the student can name: no target");
        assertEquals(Map.of("man", 2, "table", 1), m.unmappedAnswers());
        assertEquals(1, m.unmappable());
        assertEquals(List.of("man", "table"), List.copyOf(m.unmappedAnswers().keySet()), "in answer order");
    }

    @Test
    void theStudentsOwnLookupComesFirstThenTheNormalisedString() {
        // index 0 is an "unknown" slot (null: no answer maps there); the student's own lookup knows "Cube!" as 2
        AnswerMapping m = new AnswerMapping(Arrays.asList(null, "unk", "cube"), a -> a.equals("Cube!") ? 2 : -1);
        assertEquals(2, m.indexOf("Cube!"));
        assertEquals(2, m.indexOf("the cube"));
        assertEquals(1, m.indexOf("UNK"));
        assertEquals(-1, m.indexOf("sphere"));
        assertArrayEquals(new float[] {0f, 0f, 1f}, m.map(Map.of("Cube!", 1.0)), 0f);
        assertEquals(Map.of(), m.unmappedAnswers(), "indexOf counts nothing");
    }
}
