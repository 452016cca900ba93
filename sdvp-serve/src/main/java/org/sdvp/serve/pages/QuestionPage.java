package org.sdvp.serve.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.sdvp.core.trace.TraceHtml;
import org.sdvp.serve.runs.ExperimentRun;
import org.sdvp.serve.runs.RunFiles;
import org.sdvp.serve.runs.Runs;

/**
 * {@code /question?run&fw&a&sa&b&sb&task&id}: one question under two rows side by side — each row's answer,
 * program and step-by-step rationale. The rationale is sdvp-core's {@link TraceHtml} page (the one
 * {@code sdvp run --html} writes), served by {@code /trace} into a sandboxed frame ({@link Rationale}).
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
        String list = Url.of("/questions")
                .with("run", run)
                .with("fw", a.fw())
                .with("a", a.row())
                .with("sa", a.seed())
                .with("b", b.row())
                .with("sb", b.seed())
                .with("task", task)
                .toString();
        return Layout.page(
                title,
                false,
                h -> {
                    h.open("p", "class", "meta").text(id + " · " + task);
                    if (any != null)
                        h.text(" · type " + any.path("type").asText() + " · gold ")
                                .el("b", any.path("gold").asText("–"));
                    h.close("p").open("div", "class", "side-by-side");
                    side(h, run, a, id, la);
                    side(h, run, b, id, lb);
                    h.close("div");
                },
                run,
                Url.of("/experiment").with("run", run).toString(),
                a.label() + " vs " + b.label(),
                list);
    }

    private static Optional<JsonNode> line(Runs runs, Cell c, String id) {
        return c.results() == null ? Optional.empty() : runs.questions().line(c.results(), id);
    }

    private static void side(HtmlWriter h, String run, Cell c, String id, Optional<JsonNode> line) {
        String src = Url.of("/trace")
                .with("run", run)
                .with("fw", c.fw())
                .with("row", c.row())
                .with("seed", c.seed())
                .with("task", c.task())
                .with("id", id)
                .toString();
        Rationale.column(h, c.label(), src, line);
    }

    /** {@code /trace?run&fw&row&seed&task&id}: the rationale page of one question under one row. */
    public static String trace(Runs runs, Query q) {
        ExperimentRun x = runs.experiment(q.or("run", ""));
        String task = q.required("task"), id = q.required("id");
        Cell c = Cell.of(x, q, "row", "seed", task);
        if (c.results() == null) throw new RunFiles.NotFound("row not evaluated on " + task);
        return Rationale.page(runs, c.results(), x.dir().resolve("data").resolve(task), c.label(), id);
    }
}
