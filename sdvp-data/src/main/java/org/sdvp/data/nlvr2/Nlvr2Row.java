package org.sdvp.data.nlvr2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.sdvp.data.clevr.program.ProgramNode;

/**
 * One line of an NLVR2 JSON-lines file.
 *
 * @param identifier {@code split-setId-pairId-sentenceId}, e.g. {@code dev-850-0-0}
 * @param label      the string {@code "True"} or {@code "False"} (absent in unreleased test files)
 * @param directory  train only: the image sub-folder ({@code "73"})
 * @param leftImage  optional, sdvp-world only ({@code nlvr-sim}): the left image's path, relative to the split folder
 * @param rightImage optional, sdvp-world only: likewise for the right image
 * @param type       optional, sdvp-world only: the question type
 * @param program    optional, sdvp-world only: the statement's functional program, in CLEVR's node schema
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Nlvr2Row(
        String identifier,
        String sentence,
        String label,
        @JsonProperty("left_url") String leftUrl,
        @JsonProperty("right_url") String rightUrl,
        String writer,
        String synset,
        String query,
        String directory,
        @JsonProperty("left_image") String leftImage,
        @JsonProperty("right_image") String rightImage,
        String type,
        List<ProgramNode> program) {

    /** A row of the NLVR2 release, without sdvp-world's extensions. */
    public Nlvr2Row(
            String identifier,
            String sentence,
            String label,
            String leftUrl,
            String rightUrl,
            String writer,
            String synset,
            String query,
            String directory) {
        this(identifier, sentence, label, leftUrl, rightUrl, writer, synset, query, directory, null, null, null, null);
    }

    /** The identifier's parts: split, set id, pair id, sentence id. */
    public String[] parts() {
        String[] p = identifier.split("-");
        if (p.length != 4)
            throw new IllegalArgumentException("NLVR2 identifier is not split-setId-pairId-sentenceId: " + identifier);
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
