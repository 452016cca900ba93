package org.sdvp.backends.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.backends.config.MatchForm;
import org.sdvp.backends.config.MatchSpec;
import org.sdvp.backends.config.TensorSpec;
import org.sdvp.backends.engine.HostTensor;

/** The three MATCH output conventions, told apart by model.json's shape (a [2, 2] output alone could be any). */
class OwnMatchServiceTest {
    static final MatchSpec PLAIN = MatchSpec.defaults();

    static MatchForm form(Long... shape) {
        return MatchForm.of(new TensorSpec("out", "match_logits", List.of(shape), "float32"));
    }

    @Test
    void clipMatrixReadsTheDiagonal() {
        var logits = new HostTensor.Floats(new long[] {2, 2}, new float[] {0f, 9f, 9f, 2f});
        var p = OwnMatchService.probabilities(logits, 2, form(-1L, -1L), PLAIN);
        assertEquals(0.5, p.get(0), 1e-9);
        assertEquals(1 / (1 + Math.exp(-2)), p.get(1), 1e-6);
    }

    @Test
    void itmPairReadsTheYesClass() {
        var logits = new HostTensor.Floats(new long[] {2, 2}, new float[] {0f, 9f, 9f, 2f});
        var p = OwnMatchService.probabilities(logits, 2, form(-1L, 2L), PLAIN);
        assertEquals(1 / (1 + Math.exp(-9)), p.get(0), 1e-6);
        assertEquals(1 / (1 + Math.exp(7)), p.get(1), 1e-6);
    }

    @Test
    void oneLogitIsCalibratedByScaleAndBias() {
        var logits = new HostTensor.Floats(new long[] {2, 1}, new float[] {4f, -4f});
        var p = OwnMatchService.probabilities(logits, 2, form(-1L, 1L), new MatchSpec(0.5, -2.0));
        assertEquals(0.5, p.get(0), 1e-9);
        assertEquals(1 / (1 + Math.exp(4)), p.get(1), 1e-6);
    }
}
