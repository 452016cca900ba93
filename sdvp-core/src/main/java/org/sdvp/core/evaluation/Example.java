package org.sdvp.core.evaluation;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sdvp.core.io.DataException;
import org.sdvp.core.source.Question;
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
public record Example(
        String id,
        String type,
        String question,
        Map<String, Path> images,
        Optional<String> program,
        Optional<Value> gold,
        Map<String, String> meta)
        implements Question {
    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(question, "question");
        images = Map.copyOf(images);
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(gold, "gold");
        meta = Map.copyOf(meta);
    }

    private static final String INVALID_KIND = "sdvp.invalid.kind", INVALID_MESSAGE = "sdvp.invalid.message";

    /**
     * A dataset entry that could not be read (a malformed JSON line, a field of the wrong type, an absurd
     * number): the run records it as a failed question with its reason and goes on.
     *
     * @param id where it is, e.g. {@code line 17}
     */
    public static Example invalid(String id, DataException problem) {
        return new Example(
                id,
                "invalid",
                "",
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Map.of(INVALID_KIND, problem.kind().name(), INVALID_MESSAGE, problem.getMessage()));
    }

    /** Why this entry could not be read, for an {@link #invalid} example. */
    public Optional<DataException> problem() {
        String kind = meta.get(INVALID_KIND);
        return kind == null
                ? Optional.empty()
                : Optional.of(new DataException(DataException.Kind.valueOf(kind), meta.get(INVALID_MESSAGE)));
    }
}
