package org.sdvp.world.question;

import java.util.List;
import java.util.Objects;

/**
 * One node of a CLEVR-style functional program.
 *
 * @param function    CLEVR's function name ({@code filter_color}, {@code relate}, {@code count}, ...) or one of
 *                    this world's additions ({@code verify_*}, {@code choose_*}, {@code and}, {@code or},
 *                    {@code xor}, {@code not}, {@code integer}, {@code add}, {@code tag})
 * @param inputs      indices of earlier nodes whose values this node consumes
 * @param valueInputs literal arguments ({@code ["red"]}, {@code ["left"]}, {@code ["red", "blue"]})
 */
public record FNode(String function, List<Integer> inputs, List<String> valueInputs) {
    public FNode {
        Objects.requireNonNull(function, "function");
        inputs = List.copyOf(inputs);
        valueInputs = List.copyOf(valueInputs);
    }

    public String value() {
        if (valueInputs.isEmpty()) throw new IllegalStateException(function + " has no value input");
        return valueInputs.get(0);
    }

    public int input() {
        if (inputs.isEmpty()) throw new IllegalStateException(function + " has no input");
        return inputs.get(0);
    }
}
