package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.Json;
import org.sdvp.distill.experiment.ExperimentEvaluation.Cell;

/** Real evaluation (the oracle backend, a tiny generated split): files, resumption, example traces. */
class ExperimentEvaluationTest {
    @TempDir
    Path out;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private static final RowPlan ORACLE = new RowPlan("oracle", RowPlan.Backend.oracle(), List.of(), false);

    @Test
    void resultsAreWrittenOnceAndReusedWhileTheirInputsAreUnchanged() throws Exception {
        ExperimentLayout layout = new ExperimentLayout(out);
        String sha = new ExperimentData(layout, log).ensure("gqa-sim", "test", 6, 1);
        Map<String, String> hashes = Map.of("gqa-sim/test", sha);
        ExperimentEvaluation.Modules modules = (row, seed) -> "oracle";
        int[] n = {0};
        Map<Cell, EvalResult> first = new ExperimentEvaluation(layout, new ProgramEvaluator(), 2, 1, hashes, log)
                .run(List.of("visprog"), List.of(ORACLE), List.of("gqa-sim"), modules, n);
        assertEquals(1, n[0]);
        Path file = out.resolve("eval/visprog/oracle/shared/gqa-sim.json");
        assertTrue(Files.isRegularFile(file));
        EvalResult r = first.get(new Cell("visprog", "oracle", "shared", "gqa-sim"));
        assertEquals(6, r.count());
        assertTrue(r.score() > 0.8, "the oracle answers from the annotations: " + r.summary());

        // every question's score goes beside it, in split order
        List<String> lines = Files.readAllLines(out.resolve("eval/visprog/oracle/shared/gqa-sim.questions.tsv"));
        assertEquals(7, lines.size(), "a header and six questions");
        assertEquals(
                r.score(),
                lines.stream()
                                .skip(1)
                                .mapToDouble(l -> Double.parseDouble(l.split("\t")[1]))
                                .sum()
                        / 6,
                1e-6);

        // a stored result is read back, not recomputed: mark it so that a recomputation would show
        EvalResult marked = new EvalResult(
                r.task(),
                r.split(),
                r.framework(),
                r.modules(),
                r.metric(),
                r.count(),
                r.score(),
                r.errors(),
                r.byType(),
                r.misses(),
                123.0,
                r.batching(),
                r.programs(),
                r.provenance(),
                r.aggregates(),
                Map.of());
        Json.write(file, marked);
        n[0] = 0;
        Map<Cell, EvalResult> again = new ExperimentEvaluation(layout, new ProgramEvaluator(), 2, 1, hashes, log)
                .run(List.of("visprog"), List.of(ORACLE), List.of("gqa-sim"), modules, n);
        assertEquals(0, n[0]);
        assertEquals(123.0, again.values().iterator().next().seconds());

        // other data: evaluated again
        Map<Cell, EvalResult> redone = new ExperimentEvaluation(
                        layout, new ProgramEvaluator(), 2, 1, Map.of("gqa-sim/test", "other"), log)
                .run(List.of("visprog"), List.of(ORACLE), List.of("gqa-sim"), modules, n);
        assertEquals(1, n[0]);
        assertEquals(r.score(), redone.values().iterator().next().score());
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("evaluating again"));
    }

    @Test
    void exampleTracesShowBothRowsOfAQuestionWhereTheyDiffer() throws Exception {
        ExperimentLayout layout = new ExperimentLayout(out);
        new ExperimentData(layout, log).ensure("gqa-sim", "test", 4, 1);
        String id;
        try (var examples = Tasks.find("gqa-sim").open(layout.data("gqa-sim"), "test")) {
            id = examples.next().id();
        }
        EvalResult missed = new EvalResult(
                "gqa-sim",
                "test",
                "visprog",
                "x",
                "exact-match",
                4,
                0.75,
                0,
                Map.of(),
                List.of(new QuestionResult(id, "t", "q", "no", "yes", 0, null)),
                0,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());
        EvalResult none = new EvalResult(
                "gqa-sim",
                "test",
                "visprog",
                "x",
                "exact-match",
                4,
                1.0,
                0,
                Map.of(),
                List.of(),
                0,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());
        Map<Cell, EvalResult> cells = Map.of(
                new Cell("visprog", "baseline", "shared", "gqa-sim"),
                missed,
                new Cell("visprog", "sdvp:gqa-sim", "seed-1", "gqa-sim"),
                none);
        assertEquals(
                List.of(new ExampleTraces.Pick("gqa-sim", id, "the baseline got it wrong, sdvp:gqa-sim right")),
                ExampleTraces.pick("visprog", 1, cells));
        var evaluation = new ExperimentEvaluation(layout, new ProgramEvaluator(), 2, 1, Map.of(), log);
        var traces = new ExampleTraces(new ProgramEvaluator(), evaluation, log)
                .render("visprog", 1, cells, ExperimentPlan.of(ExperimentPreset.quick()), (row, seed) -> "oracle");
        assertEquals(1, traces.size(), logBytes.toString(StandardCharsets.UTF_8));
        String html = traces.get(0).html();
        assertTrue(html.contains("<b>baseline</b>") && html.contains("<b>sdvp:gqa-sim</b>"), html);
        assertEquals(2, html.split("<iframe", -1).length - 1);
        assertTrue(html.contains("srcdoc=\"&lt;!DOCTYPE html&gt;"));
    }
}
