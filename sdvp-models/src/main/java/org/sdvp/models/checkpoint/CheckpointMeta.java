package org.sdvp.models.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of a checkpoint's {@code config.json}.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the layout's version; readers accept up to {@link #VERSION}
 * @param kind "vlm" or "teacher": which network the parameters belong to
 * @param architecture the network's config record, as JSON
 * @param vocabularies named token lists (e.g. "words", "answers") in index order
 * @param parameters the parameter file's name, SHA-256 and parameter count
 * @param provenance how it was made
 * @param calibration decoding settings chosen on validation data after training; absent (null) in teachers'
 *     and in checkpoints written before calibration existed, which decode with the defaults
 */
public record CheckpointMeta(
        String format,
        int formatVersion,
        String kind,
        JsonNode architecture,
        Map<String, List<String>> vocabularies,
        Parameters parameters,
        Provenance provenance,
        Calibration calibration) {
    public static final String FORMAT = "sdvp-checkpoint";
    public static final int VERSION = 1;
    public static final String CONFIG_FILE = "config.json";
    public static final String PARAMS_FILE = "model.params";

    /** @param count number of scalar parameters (weights and biases) */
    public record Parameters(String file, String sha256, long count) {}

    public CheckpointMeta {
        vocabularies = vocabularies == null ? Map.of() : new TreeMap<>(vocabularies);
    }
}
