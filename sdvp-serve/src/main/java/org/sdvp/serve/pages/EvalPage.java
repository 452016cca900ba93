package org.sdvp.serve.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.sdvp.serve.runs.Runs;

/** {@code /eval?run=FILE}: one {@code results.json} — score, score by question type, provenance, the misses. */
public final class EvalPage {
    static final int SHOWN = 1000;

    private EvalPage() {}

    public static String render(Runs runs, String run) {
        JsonNode r = runs.eval(run);
        return Layout.page("Evaluation " + run, false, h -> {
            h.el("p", r.path("task").asText() + "/" + r.path("split").asText() + " · " + r.path("framework").asText() + " · "
                    + r.path("modules").asText() + " · " + r.path("metric").asText() + " " + Layout.points(r.path("score").asDouble())
                    + " on " + r.path("count").asInt() + " questions (" + r.path("errors").asInt() + " errors) in "
                    + r.path("seconds").asDouble() + " s", "class", "summary");
            h.el("h2", "By question type").open("table", "class", "types").open("tr").el("th", "type").el("th", "score").el("th", "n").close("tr");
            r.path("byType").fields().forEachRemaining(e -> h.open("tr").el("th", e.getKey())
                    .el("td", Layout.points(e.getValue().path("score").asDouble()))
                    .el("td", e.getValue().path("count").asInt()).close("tr"));
            h.close("table").el("h2", "Misses");
            h.open("table", "class", "questions", "id", "misses").open("tr").el("th", "id").el("th", "type").el("th", "question")
                    .el("th", "gold").el("th", "answer").close("tr");
            int n = 0;
            for (JsonNode m : r.path("misses")) {
                if (n++ == SHOWN) break;
                h.open("tr").el("td", m.path("id").asText()).el("td", m.path("type").asText()).el("td", m.path("question").asText())
                        .el("td", m.path("gold").asText("–"))
                        .el("td", m.path("error").isNull() || m.path("error").isMissingNode() ? m.path("prediction").asText() : "error: " + m.path("error").asText(), "class", "wrong")
                        .close("tr");
            }
            h.close("table");
            h.el("h2", "Provenance");
            Map<String, String> p = new TreeMap<>();
            r.path("provenance").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
            Layout.pairs(h, p);
        }, run, Url.of("/eval").with("run", run).toString());
    }
}
