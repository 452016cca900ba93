package org.sdvp.backends.config;

import java.util.List;
import java.util.Map;

/**
 * model.json: what an exported model is and how to feed it. Read by {@link OwnModelFolder}, which checks every
 * field; unknown fields are refused (a misspelt key would otherwise silently take its default).
 *
 * @param format        {@code sdvp-own-model}
 * @param formatVersion 1
 * @param service       {@code loc}, {@code vqa} or {@code match}
 * @param engine        {@code torchscript} or {@code onnx}
 * @param file          the exported model beside model.json ({@code model.pt}, {@code model.onnx})
 * @param answers       VQA only: a JSON array of answer strings beside model.json, in logit order
 * @param frozen        parameter-name prefixes (TorchScript's {@code named_parameters}, e.g. {@code image.}) that
 *                      {@code sdvp distill --student torchscript:DIR} leaves unchanged; none by default
 * @param provenance    free-form: where the export came from (kept, not interpreted)
 */
public record OwnModelConfig(
        String format,
        Integer formatVersion,
        String service,
        String engine,
        String file,
        ImageSpec image,
        TokenizerSpec tokenizer,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs,
        String answers,
        LocSpec loc,
        MatchSpec match,
        List<String> frozen,
        Map<String, Object> provenance) {

    /** The frozen prefixes, none when model.json names none. */
    public List<String> frozenPrefixes() {
        return frozen == null ? List.of() : frozen;
    }

    public static final String FORMAT = "sdvp-own-model";
    public static final int FORMAT_VERSION = 1;
}
