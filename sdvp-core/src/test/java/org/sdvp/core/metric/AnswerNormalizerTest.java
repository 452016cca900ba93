package org.sdvp.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerNormalizerTest {

    @ParameterizedTest(name = "''{0}'' normalises to ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "Two.|2",
                "the red cube|red cube",
                "  A   Sphere |sphere",
                "Yes|yes",
                "True|yes",
                "FALSE|no",
                "3.0|3",
                "2.5|2.5",
                "left-most|left most",
                "none|0"
            })
    void normalises(String answer, String expected) {
        assertEquals(expected, AnswerNormalizer.normalize(answer));
    }
}
