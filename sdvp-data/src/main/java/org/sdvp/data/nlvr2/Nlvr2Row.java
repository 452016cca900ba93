package org.sdvp.data.nlvr2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of an NLVR2 JSON-lines file.
 *
 * @param identifier {@code split-setId-pairId-sentenceId}, e.g. {@code dev-850-0-0}
 * @param label      the string {@code "True"} or {@code "False"} (absent in unreleased test files)
 * @param directory  train only: the image sub-folder ({@code "73"})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Nlvr2Row(String identifier, String sentence, String label,
                       @JsonProperty("left_url") String leftUrl, @JsonProperty("right_url") String rightUrl,
                       String writer, String synset, String query, String directory) {

    /** The identifier's parts: split, set id, pair id, sentence id. */
    public String[] parts() {
        String[] p = identifier.split("-");
        if (p.length != 4) throw new IllegalArgumentException("NLVR2 identifier is not split-setId-pairId-sentenceId: " + identifier);
        return p;
    }

    /** {@code dev-850-0-img0.png}: the identifier with its sentence id replaced by {@code img0}/{@code img1}. */
    public String imageName(int side) {
        String[] p = parts();
        return p[0] + "-" + p[1] + "-" + p[2] + "-img" + side + ".png";
    }

    /** The sentence without its image pair: {@code dev-850-0} for {@code dev-850-0-0} (consistency groups by it). */
    public String sentenceKey() {
        return sentenceKey(identifier);
    }

    /** {@code split-setId-sentenceId}: the identifier with the pair id removed. */
    public static String sentenceKey(String identifier) {
        String[] p = identifier.split("-");
        if (p.length != 4) return identifier;
        return p[0] + "-" + p[1] + "-" + p[3];
    }
}
