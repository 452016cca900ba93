package org.sdvp.data.gqa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One entry of a GQA questions file, as released (the id is the entry's key, not a field). Fields the
 * loaders do not use ({@code groups}, {@code entailed}, {@code annotations}, ...) are ignored.
 *
 * @param answer     short lowercase answer; null in the test and challenge splits
 * @param fullAnswer a sentence; null in the test and challenge splits
 * @param types      structural, semantic and detailed type; may be null in test splits
 * @param semantic   the functional program; null or empty in test splits
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GqaQuestion(
        String imageId,
        String question,
        String answer,
        String fullAnswer,
        Boolean isBalanced,
        Types types,
        List<GqaOperation> semantic,
        String semanticStr) {

    public GqaQuestion {
        semantic = semantic == null ? List.of() : List.copyOf(semantic);
    }

    /** {@code types}: structural ∈ {query, verify, logical, choose, compare}; semantic ∈ {obj, attr, cat, rel, global}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Types(String structural, String semantic, String detailed) {}
}
