package org.sdvp.serve.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.sdvp.serve.runs.ExperimentRun;
import org.sdvp.serve.runs.RunIndex;
import org.sdvp.serve.runs.Runs;
import org.sdvp.serve.runs.StageRun;

/** {@code /}: the runs found under the runs folder, by kind, with what made them. */
public final class RunsPage {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private RunsPage() {}

    public static String render(Runs runs) {
        List<RunIndex.Entry> entries = runs.index();
        return Layout.page("Runs in " + runs.files().root().getFileName(), false, h -> {
            h.el("p", runs.files().root().toString(), "class", "meta");
            if (entries.isEmpty()) {
                h.el(
                        "p",
                        "No experiment, stage or evaluation found here (sdvp experiment --out DIR, sdvp distill "
                                + "--out DIR and sdvp eval --out FILE write them).");
            }
            section(h, runs, entries, RunIndex.Kind.EXPERIMENT, "Experiments");
            section(h, runs, entries, RunIndex.Kind.STAGE, "Distillation stages");
            section(h, runs, entries, RunIndex.Kind.EVAL, "Evaluations");
        });
    }

    private static void section(
            HtmlWriter h, Runs runs, List<RunIndex.Entry> entries, RunIndex.Kind kind, String title) {
        List<RunIndex.Entry> some =
                entries.stream().filter(e -> e.kind() == kind).toList();
        if (some.isEmpty()) return;
        h.el("h2", title)
                .open("table", "class", "runs", "id", kind.name().toLowerCase(java.util.Locale.ROOT) + "s")
                .open("tr")
                .el("th", "run")
                .el("th", "modified (UTC)")
                .el("th", "what")
                .el("th", "provenance")
                .close("tr");
        for (RunIndex.Entry e : some) {
            h.open("tr").open("td");
            switch (kind) {
                case EXPERIMENT ->
                    h.link(Url.of("/experiment").with("run", e.path()).toString(), e.path());
                case STAGE -> h.link(Url.of("/stage").with("run", e.path()).toString(), e.path());
                case EVAL -> h.link(Url.of("/eval").with("run", e.path()).toString(), e.path());
            }
            h.close("td").el("td", TIME.format(Instant.ofEpochMilli(e.modifiedMillis())));
            try {
                describe(h, runs, e);
            } catch (RuntimeException ex) {
                h.el("td", "unreadable: " + ex.getMessage(), "class", "err").el("td", "");
            }
            h.close("tr");
        }
        h.close("table");
    }

    private static void describe(HtmlWriter h, Runs runs, RunIndex.Entry e) {
        switch (e.kind()) {
            case EXPERIMENT -> {
                ExperimentRun x = runs.experiment(e.path());
                JsonNode r = x.report();
                h.el(
                        "td",
                        (x.hasReport()
                                        ? "preset " + r.path("preset").asText("?") + ", seeds " + r.path("seeds")
                                        : "no report.json yet")
                                + "; " + String.join(", ", x.frameworks()) + "; "
                                + x.stages().size() + " stages");
                h.el("td", provenance(x.provenance().get("sdvp"), x.provenance().get("java")), "class", "meta");
            }
            case STAGE -> {
                StageRun s = runs.stage(e.path());
                h.el(
                        "td",
                        "task " + s.field("task").asText("?") + ", "
                                + s.field("steps").asInt() + " steps, "
                                + s.field("lossCurve").size() + " curve points");
                h.el(
                        "td",
                        "seed " + s.field("config").path("seed").asText("?") + ", from "
                                + s.field("startFrom").asText("S0"),
                        "class",
                        "meta");
            }
            case EVAL -> {
                JsonNode r = runs.eval(e.path());
                h.el(
                        "td",
                        r.path("task").asText() + "/" + r.path("split").asText() + " "
                                + r.path("framework").asText()
                                + " " + r.path("modules").asText() + ": "
                                + r.path("metric").asText() + " "
                                + Layout.points(r.path("score").asDouble()) + " on "
                                + r.path("count").asInt() + " questions");
                h.el(
                        "td",
                        provenance(
                                r.path("provenance").path("sdvp").asText(null),
                                r.path("provenance").path("java").asText(null)),
                        "class",
                        "meta");
            }
        }
    }

    private static String provenance(String code, String java) {
        return "code " + (code == null ? "?" : code) + (java == null ? "" : ", java " + java);
    }
}
