package org.sdvp.serve.pages;

import java.nio.file.Path;
import java.util.List;
import org.sdvp.serve.runs.ExperimentRun;
import org.sdvp.serve.runs.RunFiles;

/** A row of an experiment on a task at one seed, as named by a page's parameters ({@code fw}, the row, its seed). */
record Cell(ExperimentRun run, String fw, String row, String seed, String task) {
    /**
     * @param rowParam  the parameter naming the row ({@code a}, {@code b} or {@code row})
     * @param seedParam the one naming its seed; the row's first seed when absent
     */
    static Cell of(ExperimentRun run, Query q, String rowParam, String seedParam, String task) {
        String fw = q.or(
                "fw", run.frameworks().isEmpty() ? "visprog" : run.frameworks().get(0));
        String row = q.required(rowParam);
        List<String> seeds = run.seeds(fw, row);
        if (seeds.isEmpty()) throw new RunFiles.NotFound("no row '" + row + "' under framework '" + fw + "'");
        String seed = q.or(seedParam, seeds.get(0));
        if (!seeds.contains(seed)) throw new RunFiles.NotFound("row '" + row + "' has no seed '" + seed + "'");
        return new Cell(run, fw, row, seed, task);
    }

    /** The cell's results.json, or null when the row was not evaluated on the task. */
    Path results() {
        return run.results(fw, row, seed, task);
    }

    String label() {
        return run.name(fw, row) + (seed.equals("shared") ? "" : " (" + seed + ")");
    }
}
