package org.sdvp.core.evaluation;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sdvp.core.value.Value;

/**
 * One benchmark question.
 *
 * @param id       unique within its split
 * @param type     question type, for the per-type breakdown (e.g. {@code query_color}, {@code verify})
 * @param question the question or statement text
 * @param images   initial image variables: {@code IMAGE}, or {@code LEFT} and {@code RIGHT}
 * @param program  the dataset's program for it (converted to the framework's language), if any
 * @param gold     the expected answer, as the value a correct program returns; empty when the split has no
 *                 answers (GQA's test split)
 * @param meta     anything else a metric or report needs (NLVR2's sentence id for consistency, ...)
 */
public record Example(String id, String type, String question, Map<String, Path> images,
                      Optional<String> program, Optional<Value> gold, Map<String, String> meta) {
    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(question, "question");
        images = Map.copyOf(images);
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(gold, "gold");
        meta = Map.copyOf(meta);
    }
}
