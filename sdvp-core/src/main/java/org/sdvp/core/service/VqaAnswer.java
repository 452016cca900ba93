package org.sdvp.core.service;

import java.util.Objects;

/** A short answer and the model's confidence in it (1.0 for oracles). */
public record VqaAnswer(String answer, double confidence) {
    public VqaAnswer {
        Objects.requireNonNull(answer, "answer");
    }
}
