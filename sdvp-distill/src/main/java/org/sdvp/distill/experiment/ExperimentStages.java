package org.sdvp.distill.experiment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.Json;
import org.sdvp.distill.stage.StageResult;
import org.sdvp.distill.stage.StageSpec;

/**
 * Runs the plan's stages in order. A stage whose {@code experiment-stage.json} exists and whose inputs (plan, S_prev,
 * teacher) are unchanged is done and read back; a stage whose folder has files but no {@code experiment-stage.json} was
 * interrupted and runs again with {@code resume}; a stage made from other inputs starts again.
 */
final class ExperimentStages {
    private final ExperimentLayout layout;
    private final StageRunner runner;
    private final PrintStream log;

    ExperimentStages(ExperimentLayout layout, StageRunner runner, PrintStream log) {
        this.layout = layout;
        this.runner = runner;
        this.log = log;
    }

    /** The inputs every stage shares. */
    record Inputs(Path student, Map<String, Path> teachers, String framework, int questions) {}

    /** @return "seed|id" → its summary, in plan order */
    Map<String, StageSummary> run(ExperimentPlan plan, Inputs in) throws Exception {
        Map<String, StageSummary> done = new LinkedHashMap<>();
        int i = 0;
        for (StagePlan s : plan.stages()) {
            i++;
            StageSpec spec = spec(s, in, done);
            String inputs = inputs(s, spec);
            Path dir = layout.stage(s.seed(), s.id());
            Path summaryFile = layout.stageSummary(s.seed(), s.id());
            Path inputsFile = dir.resolve(INPUTS_FILE);
            String header = String.format("stage %d/%d %s (seed %d)", i, plan.stages().size(), s.id(), s.seed());
            if (Files.isRegularFile(summaryFile) && inputs.equals(Files.readString(inputsFile))) {
                done.put(key(s.seed(), s.id()), Json.mapper().readValue(summaryFile.toFile(), StageSummary.class));
                log.println(header + ": done before, reused");
                continue;
            }
            boolean sameInputs = Files.isRegularFile(inputsFile) && inputs.equals(Files.readString(inputsFile));
            // resume only when the stage itself wrote something (the inputs file alone is this class's)
            boolean resume = sameInputs && hasStageFiles(dir);
            if (!sameInputs && hasStageFiles(dir)) {
                log.println(header + ": " + dir + " holds a stage with other inputs; starting it again");
                ExperimentData.deleteTree(dir);
            }
            Files.createDirectories(dir);
            AtomicFiles.writeString(inputsFile, inputs);
            log.println(header + (resume ? ": resuming" : ""));
            StageResult r = runner.run(withResume(spec, resume), log);
            StageSummary summary = StageSummary.of(s, r);
            Json.write(summaryFile, summary);
            done.put(key(s.seed(), s.id()), summary);
        }
        return done;
    }

    /** Written when a stage starts: what it is made from (plan, S_prev, teacher, data); a resume needs the same. */
    static final String INPUTS_FILE = "stage-inputs.txt";

    private static String inputs(StagePlan s, StageSpec spec) {
        return Json.pretty(s) + "framework " + spec.framework() + "\nquestions " + spec.questions()
                + "\nS_prev " + ExperimentModels.parametersSha256(spec.student())
                + "\nteacher " + ExperimentModels.parametersSha256(spec.teacher())
                + "\ncalls " + (spec.calls() == null ? "collected" : spec.calls()) + "\n";
    }

    private static StageSpec withResume(StageSpec s, boolean resume) {
        return new StageSpec(s.task(), s.data(), s.framework(), s.split(), s.questions(), s.student(), s.teacher(), s.out(),
                s.calls(), s.teacherDriven(), s.labels(), s.kinds(), s.dataFraction(), s.replayScenes(), s.replayCalls(),
                s.config(), resume);
    }

    static String key(long seed, String id) { return seed + "|" + id; }

    StageSpec spec(StagePlan s, Inputs in, Map<String, StageSummary> done) throws java.io.IOException {
        Path student = s.startFrom() == null ? in.student() : Path.of(need(done, s, s.startFrom()).checkpoint());
        Path calls = s.reuseCallsOf() == null ? null : Path.of(need(done, s, s.reuseCallsOf()).callsFile());
        List<Path> replay = new ArrayList<>();
        for (String r : s.replayCallsOf()) replay.add(Path.of(need(done, s, r).callsFile()));
        Path out = layout.stage(s.seed(), s.id());
        return new StageSpec(s.task(), layout.data(s.task()), in.framework(), "train", in.questions(), student,
                in.teachers().get(s.task()), out, calls, true, s.labels(), s.kinds(), s.dataFraction(), s.replayScenes(),
                replay, s.config(), false);
    }

    private static StageSummary need(Map<String, StageSummary> done, StagePlan s, String id) {
        StageSummary d = done.get(key(s.seed(), id));
        if (d == null) throw new IllegalStateException("stage " + s.id() + " needs " + id + ", which has not run (plan order)");
        return d;
    }

    private static boolean hasStageFiles(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> !p.getFileName().toString().equals(INPUTS_FILE));
        }
    }
}
