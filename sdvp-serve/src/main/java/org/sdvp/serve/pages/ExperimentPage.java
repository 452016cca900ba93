package org.sdvp.serve.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.sdvp.core.io.Json;
import org.sdvp.serve.runs.ExperimentRun;
import org.sdvp.serve.runs.Runs;

/**
 * {@code /experiment?run=DIR}: per framework, the table of rows × tasks (mean score, spread over seeds, the
 * change against the baseline and its interval where the report has one), a heat map of the changes, and
 * every cell linking to its questions; then the stages and the provenance.
 */
public final class ExperimentPage {
    private ExperimentPage() {}

    public static String render(Runs runs, String run) {
        ExperimentRun x = runs.experiment(run);
        return Layout.page(
                "Experiment " + run,
                true,
                h -> {
                    if (!x.hasReport())
                        h.el(
                                "p",
                                "No report.json yet (the experiment is still running?): figures come from the results files.",
                                "class",
                                "meta");
                    for (String fw : x.frameworks()) framework(h, x, run, fw);
                    stages(h, runs, x);
                    h.el("h2", "Provenance");
                    Layout.pairs(h, x.provenance());
                },
                run,
                Url.of("/experiment").with("run", run).toString());
    }

    /** The questions of a row on a task, compared with the baseline (or the oracle, for the baseline itself). */
    static String cellUrl(String run, String fw, String row, String task) {
        String against = row.equals("baseline") ? "oracle" : "baseline";
        return Url.of("/questions")
                .with("run", run)
                .with("fw", fw)
                .with("a", against)
                .with("b", row)
                .with("task", task)
                .toString();
    }

    private static void framework(HtmlWriter h, ExperimentRun x, String run, String fw) {
        List<String> rows = x.rows(fw), tasks = x.tasks(fw);
        h.el("h2", fw);
        ObjectNode chart = Json.mapper().createObjectNode();
        chart.put("kind", "heatmap");
        chart.put("title", fw + ": change against the baseline (points); click a cell for its questions");
        ArrayNode names = chart.putArray("rows"), taskNames = chart.putArray("tasks"), cells = chart.putArray("cells");
        rows.forEach(r -> names.add(x.name(fw, r)));
        tasks.forEach(taskNames::add);
        h.open("table", "class", "scores", "data-framework", fw).open("tr").el("th", "row");
        for (String t : tasks) h.el("th", t + " (n " + x.count(fw, t) + ")");
        h.close("tr");
        for (int ri = 0; ri < rows.size(); ri++) {
            String row = rows.get(ri);
            h.open("tr")
                    .open("th")
                    .text(x.name(fw, row))
                    .el("span", " " + seedsNote(x.seeds(fw, row)), "class", "meta")
                    .close("th");
            for (int ti = 0; ti < tasks.size(); ti++) {
                String task = tasks.get(ti);
                double score = x.score(fw, row, task);
                ExperimentRun.Delta d = x.delta(fw, row, task);
                String href = cellUrl(run, fw, row, task);
                h.open("td").open("a", "href", href, "class", "cell").text(Layout.points(score));
                double spread = x.spread(fw, row, task);
                if (spread > 0) h.el("span", " ± " + Layout.points(spread), "class", "meta");
                if (!row.equals("baseline") && !Double.isNaN(d.mean())) {
                    h.el(
                            "div",
                            Layout.signed(d.mean())
                                    + (d.hasInterval()
                                            ? " [" + Layout.signed(d.lo()) + ", " + Layout.signed(d.hi()) + "]"
                                            : ""),
                            "class",
                            d.mean() > 0 ? "delta up" : d.mean() < 0 ? "delta down" : "delta");
                }
                h.close("a").close("td");
                ArrayNode c = cells.addArray();
                c.add(ti)
                        .add(ri)
                        .add(row.equals("baseline") || Double.isNaN(d.mean()) ? 0 : round(100 * d.mean()))
                        .add(round(100 * score))
                        .add(href);
                if (d.hasInterval()) c.add(round(100 * d.lo())).add(round(100 * d.hi()));
            }
            h.close("tr");
        }
        h.close("table");
        h.el(
                "div",
                "",
                "class",
                "chart",
                "data-chart",
                chart.toString(),
                "style",
                "height:" + Math.max(240, 40 + 26 * rows.size()) + "px");
        compareForm(h, run, fw, rows, tasks, x);
    }

    private static void compareForm(
            HtmlWriter h, String run, String fw, List<String> rows, List<String> tasks, ExperimentRun x) {
        h.open("form", "method", "get", "action", "/questions", "class", "compare")
                .text("Compare ")
                .empty("input", "type", "hidden", "name", "run", "value", run)
                .empty("input", "type", "hidden", "name", "fw", "value", fw);
        select(h, "a", rows, "baseline", x, fw);
        h.text(" with ");
        select(
                h,
                "b",
                rows,
                rows.stream().filter(r -> r.startsWith("sdvp")).findFirst().orElse(rows.get(rows.size() - 1)),
                x,
                fw);
        h.text(" on ").open("select", "name", "task");
        for (String t : tasks) h.el("option", t, "value", t);
        h.close("select").text(" ").el("button", "questions", "type", "submit").close("form");
    }

    private static void select(
            HtmlWriter h, String name, List<String> rows, String chosen, ExperimentRun x, String fw) {
        h.open("select", "name", name);
        for (String r : rows)
            h.el("option", x.name(fw, r), "value", r, "selected", r.equals(chosen) ? "selected" : null);
        h.close("select");
    }

    private static void stages(HtmlWriter h, Runs runs, ExperimentRun x) {
        List<Path> stages = x.stages();
        if (stages.isEmpty()) return;
        h.el("h2", "Stages").open("ul", "class", "stages");
        for (Path s : stages) {
            String rel = runs.files().relative(s);
            h.open("li")
                    .link(
                            Url.of("/stage").with("run", rel).toString(),
                            s.getParent().getFileName() + "/" + s.getFileName())
                    .close("li");
        }
        h.close("ul");
    }

    private static String seedsNote(List<String> seeds) {
        return seeds.size() == 1 ? seeds.get(0) : seeds.size() + " seeds";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
