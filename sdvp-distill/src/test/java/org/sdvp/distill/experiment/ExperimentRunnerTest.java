package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.distill.stage.StageSpec;

/** The whole experiment with fake training and evaluation (real data generation, tiny splits). */
class ExperimentRunnerTest {
    @TempDir
    Path out;

    private static ExperimentPreset tiny(List<Long> seeds, boolean ablations) {
        return new ExperimentPreset("quick", 3, 4, 5, 7, seeds, "quick", "quick", ablations, 1, 1, 1, 2);
    }

    private record Run(
            ExperimentRunner.Result result,
            Fakes.Models models,
            Fakes.Stages stages,
            Fakes.Evaluator eval,
            String log) {}

    private Run run(ExperimentPreset preset, List<String> frameworks) throws Exception {
        return run(preset, frameworks, 1);
    }

    private Run run(ExperimentPreset preset, List<String> frameworks, int jobs) throws Exception {
        var models = new Fakes.Models();
        var stages = new Fakes.Stages();
        var eval = new Fakes.Evaluator();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        var options = new ExperimentRunner.Options(preset, out, null, List.of(), frameworks, "visprog", jobs);
        var r = new ExperimentRunner(
                        options,
                        new ExperimentRunner.Parts(models, stages, eval),
                        new PrintStream(log, true, StandardCharsets.UTF_8))
                .run();
        return new Run(r, models, stages, eval, log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesReportJsonWithEveryRowAndTaskAsScoresInUnitRange() throws Exception {
        Run r = run(tiny(List.of(1L, 2L), true), List.of("visprog"));
        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        JsonNode rows = report.path("frameworks").path("visprog").path("rows");
        ExperimentPlan plan = ExperimentPlan.of(tiny(List.of(1L, 2L), true));
        for (RowPlan row : plan.rows()) {
            for (String task : plan.tasks()) {
                JsonNode v = rows.path(row.name()).path(task);
                assertTrue(v.isNumber(), row.name() + "/" + task + " in " + rows);
                assertTrue(v.asDouble() >= 0 && v.asDouble() <= 1);
                assertTrue(report.path("frameworks")
                        .path("visprog")
                        .path("spread")
                        .path(row.name())
                        .path(task)
                        .isNumber());
            }
        }
        assertEquals(
                3,
                report.path("frameworks")
                        .path("visprog")
                        .path("counts")
                        .path("gqa-sim")
                        .asInt());
        assertEquals(
                2,
                report.path("frameworks")
                        .path("visprog")
                        .path("runs")
                        .path("sdvp:gqa-sim")
                        .asInt());
        assertEquals(
                1,
                report.path("frameworks")
                        .path("visprog")
                        .path("runs")
                        .path("baseline")
                        .asInt());
        JsonNode deltas = report.path("deltas").path("visprog").path("rows");
        assertEquals(
                rows.path("sdvp:gqa-sim").path("ref-sim").asDouble()
                        - rows.path("baseline").path("ref-sim").asDouble(),
                deltas.path("sdvp:gqa-sim").path("ref-sim").asDouble(),
                1e-12);
        assertTrue(deltas.path("naive-ft:nlvr-sim").path("unseen mean").isNumber(), deltas.toString());
        assertTrue(
                deltas.path("baseline").isMissingNode() && deltas.path("oracle").isMissingNode());
        JsonNode abl = report.path("ablations").path("visprog").path("rows");
        assertTrue(abl.path("ablation:no-kl").path("count-sim").isNumber(), abl.toString());
        assertTrue(abl.path("sdvp:gqa-sim (seed 1)").path("gqa-sim").isNumber(), abl.toString());
        assertTrue(abl.path("baseline").path("gqa-sim").isNumber());
        assertEquals(
                List.of(1L, 2L),
                List.of(
                        report.path("seeds").get(0).asLong(),
                        report.path("seeds").get(1).asLong()));
        assertEquals(5, report.path("config").path("distill").path("steps").asInt());
        assertTrue(report.path("config").path("preset").path("trainQuestions").asInt() == 4);
        assertTrue(report.path("provenance")
                .path("data gqa-sim/test sha256")
                .asText()
                .matches("[0-9a-f]{64}"));
        for (String part : List.of("data", "student", "teachers", "collect", "distill", "eval")) {
            assertTrue(report.path("timings").path(part).isNumber(), part);
        }
        assertTrue(report.path("curves").size() > 0);
        assertTrue(Files.readString(out.resolve("report.html")).contains("ablation:no-self-distill"));
        // rows × seeds × tasks: 4 shared rows once, 5 per-seed rows twice, every ablation once
        assertEquals(
                (4 + 5 * 2 + ExperimentPlan.ablationNames().size()) * 5,
                r.result().evaluated());
        assertEquals(List.of("pretrain quick", "teacher gqa-sim", "teacher nlvr-sim"), r.models().calls);
    }

    @Test
    void everyChangeHasAnIntervalAroundItAndEveryQuestionsScoreIsOnDisk() throws Exception {
        run(tiny(List.of(1L, 2L), true), List.of("visprog"));
        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        JsonNode fw = report.path("frameworks").path("visprog");
        for (String row : List.of("teacher-swap:gqa-sim", "naive-ft:nlvr-sim", "sdvp:gqa-sim", "sdvp-seq")) {
            for (String task : List.of("gqa-sim", "tag-sim", "unseen mean")) {
                JsonNode d = fw.path("deltas").path(row).path(task);
                double mean = d.path("mean").asDouble(),
                        lo = d.path("lo").asDouble(),
                        hi = d.path("hi").asDouble();
                assertTrue(d.path("mean").isNumber() && lo <= mean && mean <= hi, row + " " + task + ": " + d);
                if (!task.equals("unseen mean")) {
                    double table = 100
                            * (fw.path("rows").path(row).path(task).asDouble()
                                    - fw.path("rows")
                                            .path("baseline")
                                            .path(task)
                                            .asDouble());
                    assertEquals(table, mean, 1e-3, "the interval's mean is the table's change");
                }
            }
        }
        assertTrue(fw.path("deltas")
                .path("sdvp:gqa-sim")
                .path("ref-sim")
                .path("seeds")
                .has("seed-2"));
        assertTrue(fw.path("deltas").path("baseline").isMissingNode());
        JsonNode abl = report.path("ablations").path("visprog").path("deltas");
        assertTrue(abl.path("ablation:no-kl").path("count-sim").path("hi").isNumber(), abl.toString());
        assertTrue(abl.path("sdvp:gqa-sim (seed 1)").path("gqa-sim").path("lo").isNumber(), abl.toString());
        assertTrue(
                report.path("stageTimes")
                        .path("seed-2/sdvp-seq-nlvr-sim")
                        .path("total")
                        .isNumber(),
                report.path("stageTimes").toString());
        List<String> lines = Files.readAllLines(out.resolve("eval/visprog/sdvp_gqa-sim/seed-2/ref-sim.questions.tsv"));
        assertEquals(List.of("id", "score"), List.of(lines.get(0).split("\t")));
        assertEquals(1 + 3, lines.size(), "one line per test question");
    }

    @Test
    void runningJobsSideBySideChangesNoNumberAndKeepsStageOrder() throws Exception {
        Run parallel = run(tiny(List.of(1L, 2L), true), List.of("visprog"), 2);
        JsonNode a = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertTrue(parallel.stages().mostAtOnce.get() == 2, "independent stages overlapped");
        for (StageSpec s : parallel.stages().specs) {
            int at = parallel.stages().specs.indexOf(s);
            for (StageSpec earlier :
                    parallel.stages().specs.subList(at, parallel.stages().specs.size())) {
                assertTrue(
                        s.calls() == null || !s.calls().startsWith(earlier.out()) || earlier == s,
                        s.out() + " ran before " + earlier.out() + ", whose calls it reuses");
                assertTrue(!s.student().startsWith(earlier.out()), s.out() + " ran before its S_prev " + earlier.out());
            }
        }
        ExperimentData.deleteTree(out.resolve("eval"));
        ExperimentData.deleteTree(out.resolve("stages"));
        Run sequential = run(tiny(List.of(1L, 2L), true), List.of("visprog"), 1);
        assertEquals(1, sequential.stages().mostAtOnce.get());
        JsonNode b = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertEquals(a.path("frameworks"), b.path("frameworks"));
        assertEquals(a.path("ablations"), b.path("ablations"));
    }

    @Test
    void stagesAreWiredAsPlannedAndSeedsShareS0AndTeachers() throws Exception {
        Run r = run(tiny(List.of(1L, 2L), false), List.of("visprog"));
        assertEquals(10, r.stages().specs.size());
        StageSpec gqa = find(r, 1, "sdvp-gqa-sim"),
                naive = find(r, 1, "naive-ft-gqa-sim"),
                seq = find(r, 1, "sdvp-seq-nlvr-sim");
        assertNull(gqa.calls());
        assertEquals(out.resolve("stages/seed-1/sdvp-gqa-sim/calls.jsonl"), naive.calls());
        assertEquals(out.resolve("stages/seed-1/sdvp-gqa-sim/student"), seq.student());
        assertEquals(List.of(out.resolve("stages/seed-1/sdvp-gqa-sim/calls.jsonl")), seq.replayCalls());
        assertEquals(out.resolve("student"), gqa.student());
        assertEquals(out.resolve("student"), find(r, 2, "sdvp-gqa-sim").student());
        assertEquals(out.resolve("teachers/gqa-sim"), gqa.teacher());
        assertEquals(out.resolve("data/gqa-sim"), gqa.data());
        assertEquals(4, gqa.questions());
        assertEquals(2L, find(r, 2, "sdvp-gqa-sim").config().seed());
        assertTrue(Files.isRegularFile(out.resolve("data/nlvr-sim/train/questions.jsonl")));
        assertTrue(Files.isRegularFile(out.resolve("data/tag-sim/test/questions.json")));
        assertTrue(!Files.exists(out.resolve("data/tag-sim/train")), "unseen tasks get no train split");
    }

    @Test
    void aSecondRunReusesDataModelsStagesAndEvaluations() throws Exception {
        Run first = run(tiny(List.of(1L), false), List.of("visprog"));
        assertTrue(first.result().evaluated() > 0);
        String firstJson = Files.readString(out.resolve("report.json"));
        Run second = run(tiny(List.of(1L), false), List.of("visprog"));
        assertEquals(0, second.result().evaluated());
        assertTrue(second.eval().jobs.isEmpty());
        assertTrue(second.stages().specs.isEmpty());
        assertTrue(second.models().calls.isEmpty());
        assertTrue(second.log().contains("done before, reused"), second.log());
        assertTrue(!second.log().contains("data:"), "data reused silently: " + second.log());
        JsonNode a = Json.mapper().readTree(firstJson).path("frameworks"),
                b = Json.mapper().readTree(out.resolve("report.json").toFile()).path("frameworks");
        assertEquals(a, b);
    }

    @Test
    void aStageInterruptedBeforeItsSummaryRunsAgainWithResume() throws Exception {
        run(tiny(List.of(1L), false), List.of("visprog"));
        Files.delete(out.resolve("stages/seed-1/sdvp-nlvr-sim/experiment-stage.json"));
        Run again = run(tiny(List.of(1L), false), List.of("visprog"));
        assertEquals(1, again.stages().specs.size());
        assertTrue(again.stages().specs.get(0).resume());
        assertEquals(
                "sdvp-nlvr-sim", again.stages().specs.get(0).out().getFileName().toString());
    }

    @Test
    void aStageThatFailedBeforeWritingAnythingStartsFreshNotResumed() throws Exception {
        run(tiny(List.of(1L), false), List.of("visprog"));
        Path dir = out.resolve("stages/seed-1/sdvp-nlvr-sim");
        try (var files = Files.list(dir)) {
            for (Path p : files.toList())
                if (!p.getFileName().toString().equals(ExperimentStages.INPUTS_FILE)) ExperimentData.deleteTree(p);
        }
        Run again = run(tiny(List.of(1L), false), List.of("visprog"));
        assertEquals(1, again.stages().specs.size());
        assertTrue(!again.stages().specs.get(0).resume());
    }

    @Test
    void stagesTraceTheChosenFramework() throws Exception {
        var stages = new Fakes.Stages();
        var options = new ExperimentRunner.Options(
                tiny(List.of(1L), false), out, null, List.of(), List.of("visprog"), "viper");
        new ExperimentRunner(
                        options,
                        new ExperimentRunner.Parts(new Fakes.Models(), stages, new Fakes.Evaluator()),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run();
        assertTrue(stages.specs.stream().allMatch(s -> s.framework().equals("viper")));
    }

    @Test
    void everyFrameworkGetsItsTableAndEvalFiles() throws Exception {
        run(tiny(List.of(1L), false), List.of("visprog", "viper"));
        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertTrue(report.path("frameworks")
                .path("viper")
                .path("rows")
                .path("sdvp-seq")
                .path("ref-sim")
                .isNumber());
        assertTrue(Files.isRegularFile(out.resolve("eval/viper/sdvp_gqa-sim/seed-1/count-sim.json")));
        assertTrue(Files.isRegularFile(out.resolve("eval/visprog/oracle/shared/gqa-sim.json")));
    }

    @Test
    void aCachedStudentIsReusedOnlyWhenItsPresetMatches() throws Exception {
        Fakes.checkpoint(out.resolve("student"), "pretrain", "general", "default", 1);
        Run r = run(tiny(List.of(1L), false), List.of("visprog"));
        assertEquals("pretrain quick", r.models().calls.get(0), "a default-preset student is not a quick one");
        Path shipped = Files.createTempDirectory(out, "models");
        Fakes.checkpoint(shipped.resolve("student-quick"), "pretrain", "general", "quick", 1);
        ExperimentData.deleteTree(out.resolve("student"));
        var models = new Fakes.Models();
        var options = new ExperimentRunner.Options(
                tiny(List.of(1L), false), out, null, List.of(shipped), List.of("visprog"), "visprog");
        var log = new ByteArrayOutputStream();
        new ExperimentRunner(
                        options,
                        new ExperimentRunner.Parts(models, new Fakes.Stages(), new Fakes.Evaluator()),
                        new PrintStream(log, true, StandardCharsets.UTF_8))
                .run();
        assertTrue(models.calls.stream().noneMatch(c -> c.startsWith("pretrain")), models.calls.toString());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("shipped"));
    }

    private static StageSpec find(Run r, long seed, String id) {
        return r.stages().specs.stream()
                .filter(s -> s.config().seed() == seed
                        && s.out().getFileName().toString().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
