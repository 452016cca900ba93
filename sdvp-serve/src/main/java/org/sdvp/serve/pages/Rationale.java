package org.sdvp.serve.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.trace.TraceHtml;
import org.sdvp.serve.runs.QuestionFiles;
import org.sdvp.serve.runs.RunFiles;
import org.sdvp.serve.runs.Runs;
import org.sdvp.serve.runs.TraceReader;

/**
 * One question's answer, program and step-by-step rationale under one evaluation (an experiment's cell or
 * a single {@code sdvp eval}): the column of a question page, and the rationale page itself — sdvp-core's
 * {@link TraceHtml}, the page {@code sdvp run --html} writes, served into a sandboxed frame.
 */
final class Rationale {
    private Rationale() {}

    /**
     * A column: the answer (✓/✗, score), the program, the rationale in a frame.
     *
     * @param trace the address of {@link #page}'s route for this question
     */
    static void column(HtmlWriter h, String label, String trace, Optional<JsonNode> line) {
        h.open("section", "class", "rationale").el("h2", label);
        if (line.isEmpty()) {
            h.el(
                            "p",
                            "No trace recorded for this question under this row (its evaluation has no question file, "
                                    + "or the question is not in it).",
                            "class",
                            "note")
                    .close("section");
            return;
        }
        JsonNode l = line.get();
        boolean right = l.path("error").isNull() && l.path("score").asDouble() >= 1 - 1e-9;
        h.open("p", "class", right ? "answer right" : "answer wrong")
                .text(right ? "✓ " : "✗ ")
                .text(
                        l.path("error").isNull()
                                ? "answer " + l.path("prediction").asText()
                                : "error: " + l.path("error").asText())
                .el("span", " score " + l.path("score").asDouble(), "class", "meta")
                .close("p");
        h.el("pre", l.path("program").asText(""), "class", "program");
        h.open("iframe", "src", trace, "class", "trace", "sandbox", "", "title", "rationale: " + label)
                .close("iframe");
        h.open("p")
                .link(trace, "open the rationale alone", "target", "_blank")
                .close("p")
                .close("section");
    }

    /**
     * The rationale page of question {@code id} of an evaluation, drawn once per version of its question file.
     *
     * @param data the task's data folder, against which the line's image paths are resolved
     */
    static String page(Runs runs, Path results, Path data, String label, String id) {
        return runs.rendered(QuestionFiles.beside(results), "trace " + id, () -> {
            JsonNode l = runs.questions()
                    .line(results, id)
                    .orElseThrow(() -> new RunFiles.NotFound("no trace recorded for " + id));
            Trace trace = new TraceReader(source -> runs.image(data, l, source)).read(l);
            boolean failed = !l.path("error").isNull();
            String outcome = failed
                    ? "error: " + l.path("error").asText()
                    : "answer " + l.path("prediction").asText() + " (gold "
                            + l.path("gold").asText("–") + ", score "
                            + l.path("score").asDouble() + ")";
            return TraceHtml.render(label + ": " + l.path("question").asText(id), trace, outcome, failed);
        });
    }
}
