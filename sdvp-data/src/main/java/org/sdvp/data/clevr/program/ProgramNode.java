package org.sdvp.data.clevr.program;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One node of a CLEVR-schema functional program as the JSON files hold it (CLEVR's {@code questions.json},
 * sdvp-world's splits, NLVR2 rows converted by this project), in topological order; {@code inputs} index
 * earlier nodes. {@link FunctionalProgram#parse} turns a list of them into the typed IR.
 *
 * @param function    {@code filter_color}, {@code relate}, ... (the CLEVR generator writes the key {@code type})
 * @param valueInputs {@code ["red"]}, {@code ["left"]} (the CLEVR generator writes {@code side_inputs})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramNode(
        @JsonAlias("type") String function,
        List<Integer> inputs,

        @JsonProperty("value_inputs") @JsonAlias("side_inputs")
        List<String> valueInputs) {
    public ProgramNode {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        valueInputs = valueInputs == null ? List.of() : List.copyOf(valueInputs);
    }
}
