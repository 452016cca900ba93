package org.sdvp.data.clevr;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of {@code questions.json}'s {@code questions} array. {@code answer} and {@code program} are
 * absent in the test split.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClevrQuestion(String split, @JsonProperty("image_filename") String imageFilename,
                            @JsonProperty("image_index") Integer imageIndex, String question, String answer,
                            List<Node> program, @JsonProperty("question_family_index") Integer questionFamilyIndex,
                            @JsonProperty("question_index") Integer questionIndex) {
    public ClevrQuestion {
        program = program == null ? List.of() : List.copyOf(program);
    }

    /**
     * A program node, in topological order; {@code inputs} index earlier nodes.
     *
     * @param function    {@code filter_color}, {@code relate}, ... (the generator writes the key {@code type})
     * @param valueInputs {@code ["red"]}, {@code ["left"]} (the generator writes {@code side_inputs})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Node(@JsonAlias("type") String function, List<Integer> inputs,
                       @JsonProperty("value_inputs") @JsonAlias("side_inputs") List<String> valueInputs) {
        public Node {
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
            valueInputs = valueInputs == null ? List.of() : List.copyOf(valueInputs);
        }
    }
}
