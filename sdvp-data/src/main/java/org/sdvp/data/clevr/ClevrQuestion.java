package org.sdvp.data.clevr;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of {@code questions.json}'s {@code questions} array. {@code answer} and {@code program} are
 * absent in the test split. sdvp-world writes three more, all optional here: {@code type} (its question
 * type), and for box answers {@code answer_box} ({@code [x1, y1, x2, y2]}) or {@code answer_tags}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClevrQuestion(String split, @JsonProperty("image_filename") String imageFilename,
                            @JsonProperty("image_index") Integer imageIndex, String question, String answer,
                            List<Node> program, @JsonProperty("question_family_index") Integer questionFamilyIndex,
                            @JsonProperty("question_index") Integer questionIndex, String type,
                            @JsonProperty("answer_box") List<Double> answerBox,
                            @JsonProperty("answer_tags") List<AnswerTag> answerTags) {
    public ClevrQuestion {
        program = program == null ? List.of() : List.copyOf(program);
    }

    /** A question of the CLEVR release, without sdvp-world's extensions. */
    public ClevrQuestion(String split, String imageFilename, Integer imageIndex, String question, String answer,
                         List<Node> program, Integer questionFamilyIndex, Integer questionIndex) {
        this(split, imageFilename, imageIndex, question, answer, program, questionFamilyIndex, questionIndex,
                null, null, null);
    }

    /** One labelled box of a tagging answer (sdvp-world's {@code tag-sim}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnswerTag(List<Double> box, String label) {}

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
