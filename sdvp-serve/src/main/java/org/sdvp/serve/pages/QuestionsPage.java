package org.sdvp.serve.pages;

import java.util.List;
import org.sdvp.serve.runs.Comparison;
import org.sdvp.serve.runs.ExperimentRun;
import org.sdvp.serve.runs.QuestionSet;
import org.sdvp.serve.runs.Runs;

/**
 * {@code /questions?run&fw&a&b[&sa&sb]&task[&type&outcome&changed]}: the questions of a task under two rows,
 * filterable by question type, right/wrong (fixed, broken, ...) and whether the answer changed; each links to
 * its question page. Filtering happens on the server (a plain GET form), so the list works without scripts.
 */
public final class QuestionsPage {
    static final int SHOWN = 1000;

    private QuestionsPage() {}

    public static String render(Runs runs, Query q) {
        String run = q.or("run", "");
        ExperimentRun x = runs.experiment(run);
        String fw =
                q.or("fw", x.frameworks().isEmpty() ? "visprog" : x.frameworks().get(0));
        List<String> tasks = x.tasks(fw);
        String task = q.or("task", tasks.isEmpty() ? "" : tasks.get(0));
        if (!tasks.contains(task)) throw new org.sdvp.serve.runs.RunFiles.NotFound("no task '" + task + "'");
        Cell a = Cell.of(x, q, "a", "sa", task), b = Cell.of(x, q, "b", "sb", task);
        QuestionSet qa =
                a.results() == null ? QuestionSet.EMPTY : runs.questions().load(a.results());
        QuestionSet qb =
                b.results() == null ? QuestionSet.EMPTY : runs.questions().load(b.results());
        Comparison cmp = new Comparison(qa, qb);
        String changedParam = q.or("changed", "any");
        Boolean changed = switch (changedParam) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            case "any" -> null;
            default -> throw new IllegalArgumentException("changed must be yes, no or any");
        };
        Comparison.Outcome outcome = Comparison.Outcome.parse(q.get("outcome"));
        String type = q.or("type", "");
        List<Comparison.Pair> shown = cmp.filter(new Comparison.Filter(type, outcome, changed));
        String title = a.label() + " vs " + b.label() + " on " + task;
        return Layout.page(
                title,
                false,
                h -> {
                    form(h, x, run, fw, a, b, task, tasks, cmp.types(), type, outcome, changedParam);
                    h.open("p", "class", "meta").text("results files: ");
                    for (Cell c : List.of(a, b)) {
                        if (c.results() != null) {
                            h.link(
                                            Url.of("/eval")
                                                    .with("run", runs.files().relative(c.results()))
                                                    .toString(),
                                            c.label(),
                                            "class",
                                            "results")
                                    .text(" ");
                        }
                    }
                    h.close("p");
                    h.open("p", "class", "summary", "id", "summary")
                            .text(shown.size() + " of " + cmp.pairs().size() + " questions shown. ")
                            .text(a.label() + ": " + cmp.count(p -> p.a().right()) + " right; " + b.label() + ": "
                                    + cmp.count(p -> p.b().right()) + " right; fixed "
                                    + cmp.count(Comparison.Pair::fixed)
                                    + ", broken " + cmp.count(Comparison.Pair::broken) + ".")
                            .close("p");
                    if (!cmp.complete()) {
                        h.el(
                                "p",
                                "A row's evaluation recorded only its misses (no question file; run the experiment again to "
                                        + "record every question and its trace): the list holds the questions either row got wrong.",
                                "class",
                                "note");
                    }
                    table(h, run, a, b, shown);
                },
                run,
                Url.of("/experiment").with("run", run).toString());
    }

    private static void form(
            HtmlWriter h,
            ExperimentRun x,
            String run,
            String fw,
            Cell a,
            Cell b,
            String task,
            List<String> tasks,
            List<String> types,
            String type,
            Comparison.Outcome outcome,
            String changed) {
        h.open("form", "method", "get", "action", "/questions", "class", "filters", "id", "filters")
                .empty("input", "type", "hidden", "name", "run", "value", run)
                .empty("input", "type", "hidden", "name", "fw", "value", fw);
        rowSelect(h, x, fw, "a", "sa", a);
        rowSelect(h, x, fw, "b", "sb", b);
        h.open("label").text("task ");
        options(h, "task", tasks, task, null);
        h.close("label").open("label").text("type ");
        options(h, "type", types, type, "every type");
        h.close("label").open("label").text("right/wrong ");
        h.open("select", "name", "outcome", "data-autosubmit", "true");
        for (Comparison.Outcome o : Comparison.Outcome.values()) {
            h.el("option", o.param(), "value", o.param(), "selected", o == outcome ? "selected" : null);
        }
        h.close("select").close("label").open("label").text("answer changed ");
        options(h, "changed", List.of("any", "yes", "no"), changed, null);
        h.close("label").el("button", "filter", "type", "submit", "id", "apply").close("form");
    }

    private static void rowSelect(HtmlWriter h, ExperimentRun x, String fw, String name, String seedName, Cell c) {
        h.open("label")
                .text(name.toUpperCase(java.util.Locale.ROOT) + " ")
                .open("select", "name", name, "data-autosubmit", "true");
        for (String r : x.rows(fw))
            h.el("option", x.name(fw, r), "value", r, "selected", r.equals(c.row()) ? "selected" : null);
        h.close("select");
        List<String> seeds = x.seeds(fw, c.row());
        if (seeds.size() > 1) options(h, seedName, seeds, c.seed(), null);
        h.close("label");
    }

    private static void options(HtmlWriter h, String name, List<String> values, String chosen, String all) {
        h.open("select", "name", name, "data-autosubmit", "true");
        if (all != null) h.el("option", all, "value", "");
        for (String v : values) h.el("option", v, "value", v, "selected", v.equals(chosen) ? "selected" : null);
        h.close("select");
    }

    private static void table(HtmlWriter h, String run, Cell a, Cell b, List<Comparison.Pair> shown) {
        h.open("table", "class", "questions", "id", "questions")
                .open("tr")
                .el("th", "id")
                .el("th", "type")
                .el("th", "question")
                .el("th", "gold")
                .el("th", a.label())
                .el("th", b.label())
                .close("tr");
        for (Comparison.Pair p : shown.subList(0, Math.min(SHOWN, shown.size()))) {
            String href = Url.of("/question")
                    .with("run", run)
                    .with("fw", a.fw())
                    .with("a", a.row())
                    .with("sa", a.seed())
                    .with("b", b.row())
                    .with("sb", b.seed())
                    .with("task", a.task())
                    .with("id", p.id())
                    .toString();
            h.open("tr", "class", p.fixed() ? "fixed" : p.broken() ? "broken" : null)
                    .open("td")
                    .link(href, p.id(), "class", "qid")
                    .close("td")
                    .el("td", p.type())
                    .el("td", p.question())
                    .el("td", p.gold() == null ? "–" : p.gold());
            answer(h, p.a());
            answer(h, p.b());
            h.close("tr");
        }
        h.close("table");
        if (shown.size() > SHOWN)
            h.el("p", "First " + SHOWN + " of " + shown.size() + " shown: narrow the filters.", "class", "note");
    }

    private static void answer(HtmlWriter h, Comparison.Answer ans) {
        h.el("td", (ans.right() ? "✓ " : "✗ ") + ans.shown(), "class", ans.right() ? "right" : "wrong");
    }
}
