package org.sdvp.distill.experiment;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.sdvp.core.io.Json;
import org.sdvp.core.io.ProgressBars;
import org.sdvp.distill.stage.StageSpec;
import org.sdvp.models.train.DjlSetup;

/**
 * A stage worker process ({@link StageWorkers} starts it): reads one request file path per line on standard
 * input, runs that stage in this process ({@link StageRunner#distill}, one memo for every stage it runs) and
 * writes the summary to the request's {@code summary} file, or trains that teacher, and answers {@code ok} or {@code error MESSAGE} on
 * standard output. Everything else it prints goes to standard error, which the parent forwards to its log.
 * It ends when its standard input closes.
 */
public final class StageWorker {
    /**
     * What the parent asks: a stage ({@code plan} and {@code spec}) or a teacher to train, and where the stage's
     * summary goes.
     */
    record Request(StagePlan plan, StageSpec spec, TeacherJob teacher, Path summary) {
        static Request stage(StagePlan plan, StageSpec spec, Path summary) {
            return new Request(plan, spec, null, summary);
        }
    }

    /** {@code sdvp teacher train --task T --preset P --seed S} into {@code out}. */
    record TeacherJob(String task, String preset, long seed, Path out) {}

    private StageWorker() {}

    public static void main(String[] args) throws Exception {
        PrintStream answers =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // standard output is the protocol: nothing else may write to it
        // the parent logs our standard error line by line: a bar redrawn in place would become a line per redraw
        System.setProperty(ProgressBars.PROPERTY, "false");
        DjlSetup.configure();
        // never outlive the experiment: a killed parent cannot close our input while a stage runs
        ProcessHandle.current()
                .parent()
                .ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        try (StageRunner runner = StageRunner.distill();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                try {
                    Request r = Json.mapper().readValue(Path.of(line.strip()).toFile(), Request.class);
                    if (r.teacher() != null) {
                        TeacherJob t = r.teacher();
                        ModelBuilder.training().teacher(t.task(), t.preset(), t.seed(), t.out(), System.err);
                    } else {
                        Json.write(r.summary(), runner.run(r.plan(), r.spec(), System.err));
                    }
                    answers.println("ok");
                } catch (Exception | OutOfMemoryError e) {
                    e.printStackTrace(System.err);
                    answers.println("error " + String.valueOf(e).replace('\n', ' '));
                }
            }
        }
    }
}
