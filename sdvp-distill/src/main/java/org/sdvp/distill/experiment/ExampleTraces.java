package org.sdvp.distill.experiment;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.io.Html;
import org.sdvp.core.trace.TraceHtml;
import org.sdvp.distill.experiment.ExperimentEvaluation.Cell;
import org.sdvp.distill.report.ExperimentReport.ExampleTrace;

/**
 * A few questions where sdvp:T and the baseline differ on T (first framework, first seed): one gain per target
 * task and, when there is one, a question sdvp got wrong that the baseline got right, so the report shows
 * both directions. Each is traced again under both rows and shown side by side ({@link TraceHtml} pages in
 * {@code iframe srcdoc}, so the report stays one file).
 */
final class ExampleTraces {
    private final RowEvaluator evaluator;
    private final ExperimentEvaluation evaluation;
    private final PrintStream log;

    ExampleTraces(RowEvaluator evaluator, ExperimentEvaluation evaluation, PrintStream log) {
        this.evaluator = evaluator;
        this.evaluation = evaluation;
        this.log = log;
    }

    /** A question picked for the report: which rows disagree and how. */
    record Pick(String task, String id, String why) {}

    static List<Pick> pick(String fw, long seed, Map<Cell, EvalResult> cells) {
        List<Pick> gains = new ArrayList<>(), losses = new ArrayList<>();
        for (String task : ExperimentPlan.TARGETS) {
            EvalResult base = cells.get(new Cell(fw, "baseline", RowPlan.SHARED, task));
            EvalResult sdvp = cells.get(new Cell(fw, "sdvp:" + task, "seed-" + seed, task));
            if (base == null || sdvp == null) continue;
            Set<String> baseMissed = ids(base), sdvpMissed = ids(sdvp);
            baseMissed.stream()
                    .filter(id -> !sdvpMissed.contains(id))
                    .findFirst()
                    .ifPresent(
                            id -> gains.add(new Pick(task, id, "the baseline got it wrong, sdvp:" + task + " right")));
            sdvpMissed.stream()
                    .filter(id -> !baseMissed.contains(id))
                    .findFirst()
                    .ifPresent(
                            id -> losses.add(new Pick(task, id, "the baseline got it right, sdvp:" + task + " wrong")));
        }
        List<Pick> out = new ArrayList<>(gains);
        if (!losses.isEmpty()) out.add(losses.get(0));
        return out.size() > 3 ? out.subList(0, 3) : out;
    }

    /** Misses with a score below 1 (the ids of questions not fully right). */
    private static Set<String> ids(EvalResult r) {
        return r.misses().stream().map(QuestionResult::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    List<ExampleTrace> render(
            String fw,
            long seed,
            Map<Cell, EvalResult> cells,
            ExperimentPlan plan,
            ExperimentEvaluation.Modules modules) {
        List<ExampleTrace> out = new ArrayList<>();
        for (Pick p : pick(fw, seed, cells)) {
            try {
                RowPlan base = row(plan, "baseline"), sdvp = row(plan, "sdvp:" + p.task());
                var a = evaluator.trace(evaluation.job(fw, base, null, p.task(), modules), Set.of(p.id()));
                var b = evaluator.trace(evaluation.job(fw, sdvp, seed, p.task(), modules), Set.of(p.id()));
                if (a.isEmpty() || b.isEmpty()) continue;
                StringBuilder h = new StringBuilder("<p>")
                        .append(Html.escape(p.why()))
                        .append(" (")
                        .append(Html.escape(p.task()))
                        .append(", question ")
                        .append(Html.escape(p.id()))
                        .append(", seed ")
                        .append(seed)
                        .append(").</p><div style=\"display:flex;gap:1em\">");
                frame(h, "baseline", a.get(0));
                frame(h, sdvp.name(), b.get(0));
                out.add(new ExampleTrace(
                        p.task() + " · " + a.get(0).question(),
                        h.append("</div>").toString()));
            } catch (Exception e) {
                log.println("example trace " + p.task() + "/" + p.id() + " skipped: " + e.getMessage());
            }
        }
        return out;
    }

    private static void frame(StringBuilder h, String row, RowEvaluator.Traced t) {
        String page = TraceHtml.render(row + ": " + t.question(), t.trace(), t.outcome(), t.failed());
        h.append("<div style=\"flex:1\"><b>")
                .append(Html.escape(row))
                .append("</b>: ")
                .append(Html.escape(t.outcome()))
                .append("<iframe style=\"width:100%;height:480px;border:1px solid #ccc\" srcdoc=\"")
                .append(Html.escape(page))
                .append("\"></iframe></div>");
    }

    private static RowPlan row(ExperimentPlan plan, String name) {
        return plan.rows().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
