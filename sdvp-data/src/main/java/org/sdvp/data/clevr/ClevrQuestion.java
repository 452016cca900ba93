package org.sdvp.data.clevr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.sdvp.data.clevr.program.ProgramNode;

/**
 * One entry of {@code questions.json}'s {@code questions} array. {@code answer} and {@code program} are
 * absent in the test split. sdvp-world writes three more, all optional here: {@code type} (its question
 * type), and for box answers {@code answer_box} ({@code [x1, y1, x2, y2]}) or {@code answer_tags}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClevrQuestion(
        String split,
        @JsonProperty("image_filename") String imageFilename,
        @JsonProperty("image_index") Integer imageIndex,
        String question,
        String answer,
        List<ProgramNode> program,
        @JsonProperty("question_family_index") Integer questionFamilyIndex,
        @JsonProperty("question_index") Integer questionIndex,
        String type,
        @JsonProperty("answer_box") List<Double> answerBox,
        @JsonProperty("answer_tags") List<AnswerTag> answerTags) {
    public ClevrQuestion {
        program = program == null ? List.of() : List.copyOf(program);
    }

    /** A question of the CLEVR release, without sdvp-world's extensions. */
    public ClevrQuestion(
            String split,
            String imageFilename,
            Integer imageIndex,
            String question,
            String answer,
            List<ProgramNode> program,
            Integer questionFamilyIndex,
            Integer questionIndex) {
        this(
                split,
                imageFilename,
                imageIndex,
                question,
                answer,
                program,
                questionFamilyIndex,
                questionIndex,
                null,
                null,
                null);
    }

    /** One labelled box of a tagging answer (sdvp-world's {@code tag-sim}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AnswerTag(List<Double> box, String label) {}
}
