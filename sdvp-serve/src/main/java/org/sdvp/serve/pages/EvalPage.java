package org.sdvp.serve.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sdvp.serve.runs.QuestionRecord;
import org.sdvp.serve.runs.QuestionSet;
import org.sdvp.serve.runs.RunFiles;
import org.sdvp.serve.runs.Runs;

/**
 * {@code /eval?run=FILE[&type&answer]}: one {@code results.json} — score, score by question type, provenance
 * — and its questions: every question with its answer when the evaluation wrote a question file
 * ({@code sdvp eval} and {@code sdvp experiment} do), each linking to its page with the program and the
 * rationale ({@code /eval-question}); otherwise the misses the results file keeps.
 */
public final class EvalPage {
    static final int SHOWN = 1000;

    private EvalPage() {}

    public static String render(Runs runs, Query q) {
        String run = q.or("run", "");
        JsonNode r = runs.eval(run);
        QuestionSet questions = runs.questions().load(runs.evalFile(run));
        return Layout.page(
                "Evaluation " + run,
                false,
                h -> {
                    h.el("p", summary(r), "class", "summary");
                    h.el("h2", "By question type")
                            .open("table", "class", "types")
                            .open("tr")
                            .el("th", "type")
                            .el("th", "score")
                            .el("th", "n")
                            .close("tr");
                    r.path("byType")
                            .fields()
                            .forEachRemaining(e -> h.open("tr")
                                    .el("th", e.getKey())
                                    .el(
                                            "td",
                                            Layout.points(
                                                    e.getValue().path("score").asDouble()))
                                    .el("td", e.getValue().path("count").asInt())
                                    .close("tr"));
                    h.close("table");
                    if (questions.complete()) questions(h, run, questions, q.or("type", ""), q.or("answer", "any"));
                    else misses(h, r);
                    h.el("h2", "Provenance");
                    Map<String, String> p = new TreeMap<>();
                    r.path("provenance")
                            .fields()
                            .forEachRemaining(
                                    e -> p.put(e.getKey(), e.getValue().asText()));
                    Layout.pairs(h, p);
                },
                run,
                Url.of("/eval").with("run", run).toString());
    }

    static String summary(JsonNode r) {
        return r.path("task").asText() + "/" + r.path("split").asText() + " · "
                + r.path("framework").asText() + " · "
                + r.path("modules").asText() + " · " + r.path("metric").asText() + " "
                + Layout.points(r.path("score").asDouble())
                + " on " + r.path("count").asInt() + " questions ("
                + r.path("errors").asInt() + " errors) in "
                + r.path("seconds").asDouble() + " s";
    }

    private static void questions(HtmlWriter h, String run, QuestionSet set, String type, String answer) {
        if (!List.of("any", "right", "wrong").contains(answer))
            throw new IllegalArgumentException("answer must be any, right or wrong");
        List<QuestionRecord> shown = set.questions().stream()
                .filter(x -> type.isEmpty() || type.equals(x.type()))
                .filter(x -> answer.equals("any") || x.right() == answer.equals("right"))
                .toList();
        h.el("h2", "Questions");
        h.open("form", "method", "get", "action", "/eval", "class", "filters", "id", "filters")
                .empty("input", "type", "hidden", "name", "run", "value", run)
                .open("label")
                .text("type ")
                .open("select", "name", "type", "data-autosubmit", "true")
                .el("option", "every type", "value", "");
        TreeSet<String> types = new TreeSet<>();
        set.questions().forEach(x -> types.add(x.type()));
        for (String t : types) h.el("option", t, "value", t, "selected", t.equals(type) ? "selected" : null);
        h.close("select")
                .close("label")
                .open("label")
                .text("answer ")
                .open("select", "name", "answer", "data-autosubmit", "true");
        for (String a : List.of("any", "right", "wrong"))
            h.el("option", a, "value", a, "selected", a.equals(answer) ? "selected" : null);
        h.close("select")
                .close("label")
                .el("button", "filter", "type", "submit", "id", "apply")
                .close("form");
        long right = set.questions().stream().filter(QuestionRecord::right).count();
        h.el(
                "p",
                shown.size() + " of " + set.questions().size() + " questions shown; " + right + " right"
                        + (set.leftOut() > 0
                                ? "; " + set.leftOut() + " more were not recorded (the question file's bound)"
                                : "")
                        + ".",
                "class",
                "summary",
                "id",
                "summary");
        h.open("table", "class", "questions", "id", "questions")
                .open("tr")
                .el("th", "id")
                .el("th", "type")
                .el("th", "question")
                .el("th", "gold")
                .el("th", "answer")
                .close("tr");
        for (QuestionRecord x : shown.subList(0, Math.min(SHOWN, shown.size()))) {
            h.open("tr")
                    .open("td")
                    .link(
                            Url.of("/eval-question")
                                    .with("run", run)
                                    .with("id", x.id())
                                    .toString(),
                            x.id(),
                            "class",
                            "qid")
                    .close("td")
                    .el("td", x.type())
                    .el("td", x.question())
                    .el("td", x.gold() == null ? "–" : x.gold())
                    .el("td", (x.right() ? "✓ " : "✗ ") + x.shown(), "class", x.right() ? "right" : "wrong")
                    .close("tr");
        }
        h.close("table");
        if (shown.size() > SHOWN)
            h.el("p", "First " + SHOWN + " of " + shown.size() + " shown: narrow the filters.", "class", "note");
    }

    private static void misses(HtmlWriter h, JsonNode r) {
        h.el("h2", "Misses")
                .el(
                        "p",
                        "This evaluation wrote no question file (made before sdvp eval recorded one, or with "
                                + "--no-questions or --spark): only the misses of results.json are listed, without rationales.",
                        "class",
                        "note");
        h.open("table", "class", "questions", "id", "misses")
                .open("tr")
                .el("th", "id")
                .el("th", "type")
                .el("th", "question")
                .el("th", "gold")
                .el("th", "answer")
                .close("tr");
        int n = 0;
        for (JsonNode m : r.path("misses")) {
            if (n++ == SHOWN) break;
            h.open("tr")
                    .el("td", m.path("id").asText())
                    .el("td", m.path("type").asText())
                    .el("td", m.path("question").asText())
                    .el("td", m.path("gold").asText("–"))
                    .el(
                            "td",
                            m.path("error").isNull() || m.path("error").isMissingNode()
                                    ? m.path("prediction").asText()
                                    : "error: " + m.path("error").asText(),
                            "class",
                            "wrong")
                    .close("tr");
        }
        h.close("table");
    }

    /** {@code /eval-question?run=FILE&id=ID}: one question of an evaluation — answer, program, rationale. */
    public static String question(Runs runs, Query q) {
        String run = q.or("run", ""), id = q.required("id");
        Path file = runs.evalFile(run);
        JsonNode r = runs.eval(run);
        JsonNode line = runs.questions()
                .line(file, id)
                .orElseThrow(() -> new RunFiles.NotFound("no question '" + id + "' recorded"));
        String label = r.path("task").asText() + " · " + r.path("modules").asText();
        return Layout.page(
                line.path("question").asText(id),
                false,
                h -> {
                    h.open("p", "class", "meta")
                            .text(id + " · type " + line.path("type").asText() + " · gold ")
                            .el("b", line.path("gold").asText("–"))
                            .close("p");
                    Rationale.column(
                            h,
                            label,
                            Url.of("/eval-trace")
                                    .with("run", run)
                                    .with("id", id)
                                    .toString(),
                            java.util.Optional.of(line));
                },
                run,
                Url.of("/eval").with("run", run).toString());
    }

    /** {@code /eval-trace?run=FILE&id=ID}: that question's rationale page. */
    public static String trace(Runs runs, Query q) {
        String run = q.or("run", ""), id = q.required("id");
        Path file = runs.evalFile(run);
        JsonNode r = runs.eval(run);
        return Rationale.page(
                runs,
                file,
                runs.dataOf(file, r),
                r.path("task").asText() + " · " + r.path("modules").asText(),
                id);
    }
}
