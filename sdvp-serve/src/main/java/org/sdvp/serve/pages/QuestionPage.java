package org.sdvp.serve.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.sdvp.core.trace.Trace;
import org.sdvp.core.trace.TraceHtml;
import org.sdvp.serve.runs.ExperimentRun;
import org.sdvp.serve.runs.RunFiles;
import org.sdvp.serve.runs.Runs;
import org.sdvp.serve.runs.TraceReader;

/**
 * {@code /question?run&fw&a&sa&b&sb&task&id}: one question under two rows side by side — each row's answer,
 * program and step-by-step rationale. The rationale is sdvp-core's {@link TraceHtml} page (the one
 * {@code sdvp run --html} writes), served by {@code /trace} into a sandboxed frame.
 */
public final class QuestionPage {
    private QuestionPage() {}

    public static String render(Runs runs, Query q) {
        String run = q.or("run", "");
        ExperimentRun x = runs.experiment(run);
        String task = q.required("task"), id = q.required("id");
        Cell a = Cell.of(x, q, "a", "sa", task), b = Cell.of(x, q, "b", "sb", task);
        Optional<JsonNode> la = line(runs, a, id), lb = line(runs, b, id);
        JsonNode any = la.or(() -> lb).orElse(null);
        String title = any == null ? id : any.path("question").asText(id);
        String list = Url.of("/questions").with("run", run).with("fw", a.fw()).with("a", a.row()).with("sa", a.seed())
                .with("b", b.row()).with("sb", b.seed()).with("task", task).toString();
        return Layout.page(title, false, h -> {
            h.open("p", "class", "meta").text(id + " · " + task);
            if (any != null) h.text(" · type " + any.path("type").asText() + " · gold ").el("b", any.path("gold").asText("–"));
            h.close("p").open("div", "class", "side-by-side");
            side(h, run, a, id, la);
            side(h, run, b, id, lb);
            h.close("div");
        }, run, Url.of("/experiment").with("run", run).toString(), a.label() + " vs " + b.label(), list);
    }

    private static Optional<JsonNode> line(Runs runs, Cell c, String id) {
        return c.results() == null ? Optional.empty() : runs.questions().line(c.results(), id);
    }

    private static void side(HtmlWriter h, String run, Cell c, String id, Optional<JsonNode> line) {
        h.open("section", "class", "rationale").el("h2", c.label());
        if (line.isEmpty()) {
            h.el("p", "No trace recorded for this question under this row (its evaluation has no question file, "
                    + "or the question is not in it).", "class", "note").close("section");
            return;
        }
        JsonNode l = line.get();
        boolean right = l.path("error").isNull() && l.path("score").asDouble() >= 1 - 1e-9;
        h.open("p", "class", right ? "answer right" : "answer wrong").text(right ? "✓ " : "✗ ")
                .text(l.path("error").isNull() ? "answer " + l.path("prediction").asText() : "error: " + l.path("error").asText())
                .el("span", " score " + l.path("score").asDouble(), "class", "meta").close("p");
        h.el("pre", l.path("program").asText(""), "class", "program");
        String src = Url.of("/trace").with("run", run).with("fw", c.fw()).with("row", c.row()).with("seed", c.seed())
                .with("task", c.task()).with("id", id).toString();
        h.open("iframe", "src", src, "class", "trace", "sandbox", "", "title", "rationale: " + c.label()).close("iframe");
        h.open("p").link(src, "open the rationale alone", "target", "_blank").close("p").close("section");
    }

    /** {@code /trace?run&fw&row&seed&task&id}: the rationale page of one question under one row. */
    public static String trace(Runs runs, Query q) {
        ExperimentRun x = runs.experiment(q.or("run", ""));
        String task = q.required("task"), id = q.required("id");
        Cell c = Cell.of(x, q, "row", "seed", task);
        if (c.results() == null) throw new RunFiles.NotFound("row not evaluated on " + task);
        return runs.rendered(org.sdvp.serve.runs.QuestionFiles.beside(c.results()), "trace " + id, () -> render(runs, x, c, id));
    }

    private static String render(Runs runs, ExperimentRun x, Cell c, String id) {
        String task = c.task();
        JsonNode l = line(runs, c, id).orElseThrow(() -> new RunFiles.NotFound("no trace recorded for " + id));
        Trace trace = new TraceReader(source -> runs.image(x, task, l, source)).read(l);
        boolean failed = !l.path("error").isNull();
        String outcome = failed ? "error: " + l.path("error").asText()
                : "answer " + l.path("prediction").asText() + " (gold " + l.path("gold").asText("–") + ", score "
                + l.path("score").asDouble() + ")";
        return TraceHtml.render(c.label() + ": " + l.path("question").asText(id), trace, outcome, failed);
    }
}
