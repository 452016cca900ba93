package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.Labelled;
import org.sdvp.distill.report.ReportTable;
import org.sdvp.distill.stage.StageResult;

/**
 * A real experiment run (data, S0, teachers, evaluation with the real backends) whose stages are the
 * identity (S_new = a copy of S_prev): checks the wiring and measures data and evaluation time before the
 * distillation stage exists. Off by default; run with
 * {@code -Dtest=ExperimentSmokeTest -Dsdvp.smoke.out=DIR [-Dsdvp.smoke.student=DIR] [-Dsdvp.smoke.preset=quick]}.
 */
@EnabledIfSystemProperty(named = "sdvp.smoke.out", matches = ".+")
class ExperimentSmokeTest {
    @Test
    void runsTheExperimentWithIdentityStages() throws Exception {
        Path out = Path.of(System.getProperty("sdvp.smoke.out"));
        String student = System.getProperty("sdvp.smoke.student", "");
        ExperimentPreset preset = ExperimentPreset.named(System.getProperty("sdvp.smoke.preset", "quick"));
        StageRunner identity = (plan, spec, log) -> {
            Path s = spec.out().resolve("student");
            copy(spec.student(), s);
            Path calls = spec.calls() != null ? spec.calls() : spec.out().resolve("calls.jsonl");
            if (spec.calls() == null) Files.writeString(calls, "");
            return StageSummary.of(
                    plan,
                    new StageResult(
                            s,
                            calls,
                            null,
                            new Labelled(DistillSet.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of()),
                            0,
                            null,
                            Map.of()));
        };
        var options = new ExperimentRunner.Options(
                preset, out, student.isEmpty() ? null : Path.of(student), List.of(), List.of("visprog"), "visprog");
        var parts = new ExperimentRunner.Parts(ModelBuilder.training(), identity, new ProgramEvaluator());
        var r = new ExperimentRunner(options, parts, System.err).run();
        System.out.println(ReportTable.render(r.report()));
        System.out.println("timings " + r.report().timings());
        assertTrue(Files.isRegularFile(r.reportHtml()));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList())
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
