package org.sdvp.models.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    @Test
    void buildIsSortedCountedAndStartsWithUnknown() {
        Vocabulary v = Vocabulary.build(List.of("red", "cube", "red", "blue"), 2);
        assertEquals(List.of(Vocabulary.UNKNOWN, "red"), v.tokens());
        assertEquals(0, v.indexOf("cube"));
    }

    @Test
    void aVocabularyMustStartWithUnknown() {
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary(List.of("red")));
    }

    @Test
    void tokenizerLowercasesAndAddsWordPairs() {
        assertEquals(
                List.of("is", "the", "cube", "red", "is_the", "the_cube", "cube_red"),
                Tokenizer.ngrams("Is the CUBE red?", true));
        assertEquals("yes", Tokenizer.answer(" Yes. "));
    }

    @Test
    void featuresAreNormalisedCounts() {
        Vocabulary v = new Vocabulary(List.of(Vocabulary.UNKNOWN, "red", "cube"));
        float[] f = new TextFeatures(v, false).encode(List.of("red red cube", ""));
        assertArrayEquals(new float[] {0, 2f / 3, 1f / 3, 1, 0, 0}, f, 1e-6f);
    }
}
