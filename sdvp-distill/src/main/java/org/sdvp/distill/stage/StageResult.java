package org.sdvp.distill.stage;

import java.nio.file.Path;
import org.sdvp.distill.label.Labelled;
import org.sdvp.distill.trace.CollectedCalls;
import org.sdvp.distill.train.StepwiseDistiller;

/**
 * What a stage produced.
 *
 * @param checkpoint  S_new's checkpoint folder ({@code out/student})
 * @param callsFile   the collected calls ({@code out/calls.jsonl}), reusable by later stages and replay
 * @param collected   the collection run's counts (null when the calls were reused)
 * @param labels      pseudo-labels and what was skipped
 * @param replayCount replay targets used
 * @param training    loss curve and timing
 * @param seconds     wall time by part: collect, label, replay, distill
 */
public record StageResult(
        Path checkpoint,
        Path callsFile,
        CollectedCalls collected,
        Labelled labels,
        int replayCount,
        StepwiseDistiller.Result training,
        java.util.Map<String, Double> seconds) {}
