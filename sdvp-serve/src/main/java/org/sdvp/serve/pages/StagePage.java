package org.sdvp.serve.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sdvp.core.io.Json;
import org.sdvp.core.trace.Thumbnails;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.serve.runs.Runs;
import org.sdvp.serve.runs.StageRun;
import org.sdvp.serve.runs.TraceReader;

/**
 * {@code /stage?run=DIR}: a distillation stage — its loss curve, what happened to the collected calls
 * (kept as pseudo-labels, or filtered: inconsistent answer, no teacher covers it, teacher unsure, image
 * unreadable), the teacher's and the student's distributions before and after the stage on a sample of its
 * targets, time by part, and a sample of the calls it distilled with the pixels each call saw.
 */
public final class StagePage {
    private static final List<String> FILTERS = List.of("inconsistent", "uncovered", "unsure", "missingImage");

    private StagePage() {}

    public static String render(Runs runs, String run) {
        StageRun s = runs.stage(run);
        return Layout.page(
                "Stage " + run,
                true,
                h -> {
                    h.el(
                            "p",
                            "task " + s.field("task").asText("?") + " · "
                                    + s.field("steps").asInt() + " steps"
                                    + (s.field("resumedFrom").asInt() > 0
                                            ? " (resumed from step "
                                                    + s.field("resumedFrom").asInt() + ")"
                                            : "")
                                    + " · "
                                    + s.field("replayTargets")
                                            .asInt(s.field("replayCount").asInt()) + " replay targets",
                            "class",
                            "meta");
                    loss(h, s);
                    labels(h, s);
                    distributions(h, s.distributions());
                    h.el("h2", "Time (s)");
                    Map<String, String> seconds = new TreeMap<>();
                    s.field("seconds")
                            .fields()
                            .forEachRemaining(e -> seconds.put(
                                    e.getKey(),
                                    String.format(
                                            java.util.Locale.ROOT,
                                            "%.1f",
                                            e.getValue().asDouble())));
                    Layout.pairs(h, seconds);
                    calls(h, runs, s);
                    h.open("details")
                            .el("summary", "configuration")
                            .el("pre", Json.pretty(s.field("config")))
                            .close("details");
                },
                run,
                Url.of("/stage").with("run", run).toString());
    }

    private static void loss(HtmlWriter h, StageRun s) {
        JsonNode curve = s.field("lossCurve");
        int window = Math.max(1, s.field("lossCurveWindow").asInt(1));
        h.el("h2", "Loss");
        if (!curve.isArray() || curve.isEmpty()) {
            h.el("p", "No loss curve recorded.", "class", "note");
            return;
        }
        ObjectNode chart =
                Json.mapper().createObjectNode().put("kind", "line").put("title", "mean loss per " + window + " steps");
        ArrayNode xs = chart.putArray("x"), ys = chart.putArray("y");
        for (int i = 0; i < curve.size(); i++) {
            xs.add((i + 1) * window);
            ys.add(curve.get(i).asDouble());
        }
        h.el("div", "", "class", "chart", "id", "loss", "data-chart", chart.toString(), "style", "height:280px");
        h.el(
                "p",
                "first " + round(curve.get(0).asDouble()) + ", last "
                        + round(curve.get(curve.size() - 1).asDouble()),
                "class",
                "meta");
    }

    private static void labels(HtmlWriter h, StageRun s) {
        JsonNode l = s.stage().path("labels");
        h.el("h2", "Pseudo-labels");
        if (!l.isObject()) {
            h.el("p", s.field("labels").asText("No label counts recorded."), "class", "note");
            return;
        }
        List<String> kinds = new ArrayList<>();
        l.path("calls").fieldNames().forEachRemaining(kinds::add);
        ObjectNode chart = Json.mapper()
                .createObjectNode()
                .put("kind", "stacked")
                .put("title", "collected calls by what became of them");
        ArrayNode cats = chart.putArray("categories");
        kinds.forEach(cats::add);
        ObjectNode series = chart.putObject("series");
        h.open("table", "class", "labels", "id", "labels")
                .open("tr")
                .el("th", "kind")
                .el("th", "calls")
                .el("th", "kept");
        for (String f : FILTERS) h.el("th", f);
        h.close("tr");
        for (String k : kinds) {
            h.open("tr")
                    .el("th", k)
                    .el("td", l.path("calls").path(k).asInt())
                    .el("td", l.path("kept").path(k).asInt());
            for (String f : FILTERS) h.el("td", l.path(f).path(k).asInt());
            h.close("tr");
        }
        h.close("table");
        for (String f : concat("kept", FILTERS)) {
            ArrayNode values = series.putArray(f);
            for (String k : kinds) values.add(l.path(f).path(k).asInt());
        }
        h.el("div", "", "class", "chart", "id", "label-chart", "data-chart", chart.toString(), "style", "height:260px");
        h.el(
                "p",
                "inconsistent: the program's final answer was wrong (answer-consistent filtering); uncovered: no "
                        + "teacher covers the call; unsure: the teacher's confidence was under the threshold; missingImage: the "
                        + "call's pixels could not be read again.",
                "class",
                "meta");
    }

    /** The teacher's distribution next to the student's before and after the stage, on a sample of targets. */
    private static void distributions(HtmlWriter h, JsonNode d) {
        h.el("h2", "Before and after: teacher vs student");
        if (d.isMissingNode()) {
            h.el(
                    "p",
                    "No distributions.json (stages write it since the distributions were recorded; older stages have none).",
                    "class",
                    "note");
            return;
        }
        if (d.path("vqa").isEmpty() && d.path("match").isEmpty()) {
            h.el(
                    "p",
                    "This stage distilled no VQA or MATCH target (a LOC-only stage, say), so there is no answer "
                            + "distribution to compare.",
                    "class",
                    "note");
            return;
        }
        h.el(
                "p",
                "A sample of the distilled calls (evenly spaced over the pseudo-labels): the teacher's answers (the "
                        + "target), the student's before the stage (S_k-1) and after it (S_k), top answers with their "
                        + "probabilities; the last column is the probability the student gives the teacher's answer.",
                "class",
                "meta");
        h.open("table", "class", "calls", "id", "distributions")
                .open("tr")
                .el("th", "pixels")
                .el("th", "call")
                .el("th", "teacher")
                .el("th", "student before")
                .el("th", "student after")
                .el("th", "teacher's answer")
                .close("tr");
        for (JsonNode c : d.path("vqa")) {
            h.open("tr");
            thumbnail(h, c);
            h.open("td").el("code", "VQA \"" + c.path("text").asText() + "\"").close("td");
            for (String who : List.of("teacher", "before", "after")) {
                h.open("td");
                for (JsonNode a : c.path(who))
                    h.el(
                            "div",
                            a.path("answer").asText() + " " + pct(a.path("p").asDouble()));
                h.close("td");
            }
            h.el(
                    "td",
                    c.path("teacherAnswer").asText() + ": "
                            + pct(c.path("teacherAnswerBefore").asDouble()) + " → "
                            + pct(c.path("teacherAnswerAfter").asDouble()));
            h.close("tr");
        }
        for (JsonNode c : d.path("match")) {
            h.open("tr");
            thumbnail(h, c);
            h.open("td").el("code", "MATCH \"" + c.path("text").asText() + "\"").close("td");
            for (String who : List.of("teacher", "before", "after"))
                h.el("td", "match " + pct(c.path(who).asDouble()));
            h.el(
                    "td",
                    pct(c.path("before").asDouble()) + " → "
                            + pct(c.path("after").asDouble()));
            h.close("tr");
        }
        h.close("table");
    }

    /** The call's pixels as the stage recorded them: only a PNG data URI is shown. */
    private static void thumbnail(HtmlWriter h, JsonNode c) {
        String src = c.path("image").asText("");
        h.open("td");
        if (src.startsWith("data:image/png;base64,")) h.empty("img", "src", src, "alt", "call pixels");
        h.close("td");
    }

    private static String pct(double p) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * p);
    }

    private static void calls(HtmlWriter h, Runs runs, StageRun s) {
        Path file = s.callsFile(runs.files());
        h.el("h2", "A sample of the collected calls");
        if (file == null) {
            h.el("p", "The calls file is not under the runs folder.", "class", "note");
            return;
        }
        h.trusted(runs.rendered(file, "sample", () -> sample(runs, file)));
    }

    private static String sample(Runs runs, Path file) {
        HtmlWriter h = new HtmlWriter();
        List<JsonNode> sample = StageRun.sample(file);
        h.el(
                "p",
                StageRun.SAMPLE + " calls evenly spaced over " + runs.files().relative(file)
                        + "; the response is the collecting backend's answer (teacher-driven collection: the teacher's).",
                "class",
                "meta");
        h.open("table", "class", "calls", "id", "calls")
                .open("tr")
                .el("th", "pixels seen")
                .el("th", "call")
                .el("th", "response")
                .el("th", "question")
                .close("tr");
        for (JsonNode c : sample) {
            h.open("tr").open("td");
            image(h, runs, c);
            h.close("td")
                    .open("td")
                    .el(
                            "code",
                            c.path("module").asText() + " " + c.path("kind").asText() + " \""
                                    + c.path("text").asText() + "\"")
                    .close("td")
                    .el(
                            "td",
                            brief(c.path("response")) + " · "
                                    + c.path("backend").asText(""))
                    .el(
                            "td",
                            c.path("questionId").asText()
                                    + (c.path("answerConsistent").asBoolean() ? " ✓ consistent" : " ✗ inconsistent"));
            h.close("tr");
        }
        h.close("table");
        return h.toString();
    }

    private static void image(HtmlWriter h, Runs runs, JsonNode c) {
        Path p = Path.of(c.path("imagePath").asText(""));
        Optional<Path> file =
                runs.files().isInside(p) ? Optional.of(runs.files().contained(p)) : Optional.empty();
        String source = c.path("sourceImage").asText("");
        ImageValue crop = new TraceReader(id -> file).image(source, TraceReader.box(c.path("region")));
        List<Detection> boxes = c.path("response").isArray() ? TraceReader.detections(c.path("response")) : List.of();
        h.empty("img", "src", Thumbnails.dataUri(crop.pixels(), boxes, 128), "alt", source);
        h.el("div", source + " " + c.path("region"), "class", "meta");
    }

    private static String brief(JsonNode r) {
        if (r.isArray()) return r.size() + " box" + (r.size() == 1 ? "" : "es");
        if (r.has("answer"))
            return r.path("answer").asText()
                    + String.format(
                            java.util.Locale.ROOT,
                            " (%.2f)",
                            r.path("confidence").asDouble());
        if (r.isNumber()) return String.format(java.util.Locale.ROOT, "%.3f", r.asDouble());
        return r.asText();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
