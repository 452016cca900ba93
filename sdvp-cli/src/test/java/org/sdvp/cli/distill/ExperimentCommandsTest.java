package org.sdvp.cli.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.distill.label.ClusterLabeler;

/** The distill, experiment and demo commands' help and input checks (nothing here trains anything). */
class ExperimentCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void helpTextsExplainWithExamples() {
        for (String command : List.of("distill", "experiment", "demo")) {
            var r = CliRunner.run(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().startsWith("Usage: sdvp " + command), r.out());
            assertTrue(r.out().contains("Example"), r.out());
        }
        String experimentHelp = CliRunner.run("experiment", "--help").out();
        assertTrue(experimentHelp.contains("--preset"));
        for (var preset : List.of(
                org.sdvp.distill.experiment.ExperimentPreset.quick(),
                org.sdvp.distill.experiment.ExperimentPreset.standard())) {
            assertTrue(
                    experimentHelp.contains(preset.testQuestions() + " test questions/task, " + preset.trainQuestions()
                            + " train questions/target, " + preset.steps() + " steps"),
                    "the help states the preset's real sizes: " + experimentHelp);
        }
        assertTrue(CliRunner.run("distill", "--help").out().contains("--replay-calls"));
        assertTrue(CliRunner.run("--help").out().contains("experiment"));
    }

    @Test
    void experimentRejectsAnUnknownPresetAndBadSeedsWithExitTwo() {
        var p = CliRunner.run("experiment", "--preset", "huge", "--out", tmp.toString());
        assertEquals(2, p.exitCode(), p.err());
        assertTrue(p.err().contains("valid presets: quick, default"), p.err());
        var s = CliRunner.run("experiment", "--preset", "quick", "--seeds", "1,two", "--out", tmp.toString());
        assertEquals(2, s.exitCode(), s.err());
        assertTrue(s.err().contains("'two'"), s.err());
        var d = CliRunner.run("experiment", "--seeds", "3,3", "--out", tmp.toString());
        assertEquals(2, d.exitCode(), d.err());
        var f = CliRunner.run("experiment", "--frameworks", "visprog,nosuch", "--out", tmp.toString());
        assertEquals(2, f.exitCode(), f.err());
        assertTrue(f.err().contains("unknown framework 'nosuch'"), f.err());
        var st = CliRunner.run("experiment", "--student", tmp.resolve("none").toString(), "--out", tmp.toString());
        assertEquals(2, st.exitCode(), st.err());
        assertTrue(st.err().contains("not a checkpoint folder"), st.err());
        var j = CliRunner.run("experiment", "--jobs", "0", "--out", tmp.toString());
        assertEquals(2, j.exitCode(), j.err());
        assertTrue(j.err().contains("--jobs must be at least 1"), j.err());
        assertFalse(Files.exists(tmp.resolve("data")), "nothing ran");
    }

    @Test
    void experimentOptionsCarryThePresetSeedsAndFrameworks() throws Exception {
        var o = ExperimentCommand.parse(
                "--preset",
                "default",
                "--seeds",
                "4,5",
                "--out",
                tmp.toString(),
                "--frameworks",
                "visprog,viper",
                "--no-ablations");
        assertEquals("default", o.preset().name());
        assertEquals(List.of(4L, 5L), o.preset().seeds());
        assertFalse(o.preset().ablations());
        assertEquals(List.of("visprog", "viper"), o.frameworks());
        assertEquals("visprog", o.traceFramework());
        assertTrue(o.shippedModels().get(0).endsWith("models"));
        assertNull(o.labelOn(), "the stages label in their own JVMs");
        var q = ExperimentCommand.parse("--out", tmp.toString());
        assertEquals("quick", q.preset().name());
        assertEquals(List.of(1L), q.preset().seeds());
        assertEquals(Math.min(4, Runtime.getRuntime().availableProcessors()), q.jobs(), "one per processor, at most 4");
        assertEquals(
                3,
                ExperimentCommand.parse("--out", tmp.toString(), "--jobs", "3").jobs());
        assertEquals(
                new ClusterLabeler.On("spark://127.0.0.1:17077", null),
                ExperimentCommand.parse("--out", tmp.toString(), "--spark", "spark://127.0.0.1:17077")
                        .labelOn());
    }

    /** {@code distill} of gqa-sim from {@code s} with teacher {@code t}, with {@code extra} options. */
    private CliRunner.Result distillWith(Path s, Path t, String... extra) {
        List<String> args = new java.util.ArrayList<>(
                List.of("distill", "--task", "gqa-sim", "--student", s.toString(), "--teacher", t.toString()));
        args.addAll(List.of(extra));
        args.addAll(List.of("--out", tmp.resolve("o").toString()));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private Path checkpoint(String name) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(name));
        Files.writeString(d.resolve("config.json"), "{}");
        return d;
    }

    @Test
    void distillChecksItsInputsBeforeRunning() throws Exception {
        Path s = checkpoint("s"), t = checkpoint("t");
        var task = CliRunner.run(
                "distill",
                "--task",
                "vqa-sim",
                "--student",
                s.toString(),
                "--teacher",
                t.toString(),
                "--out",
                tmp.resolve("o").toString());
        assertEquals(2, task.exitCode(), task.err());
        assertTrue(task.err().contains("known tasks"), task.err());
        var student = CliRunner.run(
                "distill",
                "--task",
                "gqa-sim",
                "--student",
                tmp.resolve("x").toString(),
                "--teacher",
                t.toString(),
                "--out",
                tmp.resolve("o").toString());
        assertEquals(2, student.exitCode(), student.err());
        assertTrue(student.err().contains("--student"), student.err());
        var subset = distillWith(s, t, "--modules-subset", "VQA,OCR");
        assertEquals(2, subset.exitCode(), subset.err());
        assertTrue(subset.err().contains("'OCR'"), subset.err());
        var tau = distillWith(s, t, "--tau", "0");
        assertEquals(2, tau.exitCode(), tau.err());
        var replay =
                distillWith(s, t, "--replay-calls", tmp.resolve("none.jsonl").toString());
        assertEquals(2, replay.exitCode(), replay.err());
        var set = distillWith(s, t, "--set", "learningRat=2e-3");
        assertEquals(2, set.exitCode(), set.err());
        assertTrue(set.err().contains("learningRate"), "the valid names are listed: " + set.err());
        var partitions = distillWith(s, t, "--spark-partitions", "4");
        assertEquals(2, partitions.exitCode(), partitions.err());
        assertTrue(partitions.err().contains("--spark-partitions needs --spark"), partitions.err());
    }

    @Test
    void distillOptionsBuildTheStage() throws Exception {
        Path s = checkpoint("s"), t = checkpoint("t");
        Path calls = Files.writeString(tmp.resolve("c.jsonl"), "");
        DistillCommand c = new DistillCommand();
        var cl = new picocli.CommandLine(c);
        cl.parseArgs(
                "--task",
                "gqa-sim",
                "--student",
                s.toString(),
                "--teacher",
                t.toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--naive",
                "--no-filter",
                "--tau",
                "4",
                "--steps",
                "50",
                "--seed",
                "3",
                "--modules-subset",
                "vqa,LOC",
                "--replay-calls",
                calls.toString(),
                "--questions",
                "20",
                "--set",
                "learningRate=2e-3",
                "--set",
                "locBatch=8",
                "--spark",
                "local[3]",
                "--spark-partitions",
                "7");
        c.spec = cl.getCommandSpec();
        var spec = c.stageSpec();
        assertEquals(0, spec.replayScenes(), "--naive replays nothing");
        assertEquals(0f, spec.config().beta());
        assertEquals(4f, spec.config().tau());
        assertEquals(50, spec.config().steps());
        assertEquals(3, spec.config().seed());
        assertEquals(2e-3f, spec.config().learningRate());
        assertEquals(8, spec.config().locBatch());
        assertFalse(spec.labels().answerConsistentOnly());
        assertEquals(java.util.Set.of(ServiceKind.VQA, ServiceKind.LOC), spec.kinds());
        assertEquals(List.of(calls), spec.replayCalls());
        assertEquals(tmp.resolve("o").resolve("data"), spec.data());
        assertEquals(20, spec.questions());
        assertTrue(spec.teacherDriven());
        assertEquals(new ClusterLabeler.On("local[3]", 7), spec.labelOn(), "pseudo-labels on Spark");
    }
}
