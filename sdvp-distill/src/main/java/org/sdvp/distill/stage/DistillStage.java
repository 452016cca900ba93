package org.sdvp.distill.stage;

import java.io.PrintStream;

/** Work in progress (lead): one SDVP stage — collect, label, filter, replay, distill, checkpoint. */
public final class DistillStage {
    private DistillStage() {}

    /** Runs the stage; {@code log} gets progress bars and one-line summaries (null for none). */
    public static StageResult run(StageSpec spec, PrintStream log) throws Exception {
        throw new UnsupportedOperationException("in progress");
    }
}
