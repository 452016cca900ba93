package org.sdvp.distill.label;

import java.util.Map;
import java.util.TreeMap;

/**
 * The pseudo-labels of a stage and where the other calls went, per sub-task kind (LOC, VQA, MATCH).
 *
 * @param targets       the kept targets
 * @param calls         every collected call
 * @param inconsistent  calls dropped by answer-consistent filtering
 * @param uncovered     calls no teacher covers (skipped, as SDVP.md step 2 says), and VQA calls none of whose
 *                      teacher answers the student's vocabulary holds
 * @param unsure        calls whose label was below the confidence threshold
 * @param missingImage  calls whose source image could not be read again (or whose region has no pixels)
 */
public record Labelled(
        DistillSet targets,
        Map<String, Integer> calls,
        Map<String, Integer> inconsistent,
        Map<String, Integer> uncovered,
        Map<String, Integer> unsure,
        Map<String, Integer> missingImage) {
    public Labelled {
        calls = new TreeMap<>(calls);
        inconsistent = new TreeMap<>(inconsistent);
        uncovered = new TreeMap<>(uncovered);
        unsure = new TreeMap<>(unsure);
        missingImage = new TreeMap<>(missingImage);
    }

    /** {@code VQA 1200 calls → 830 labels (210 inconsistent, 140 uncovered, 20 unsure); …} */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (String k : calls.keySet()) {
            if (b.length() > 0) b.append("; ");
            int kept = k.equals("VQA")
                    ? targets.vqa().size()
                    : k.equals("MATCH") ? targets.match().size() : targets.loc().size();
            b.append(k)
                    .append(' ')
                    .append(calls.get(k))
                    .append(" calls → ")
                    .append(kept)
                    .append(" labels (")
                    .append(inconsistent.getOrDefault(k, 0))
                    .append(" inconsistent, ")
                    .append(uncovered.getOrDefault(k, 0))
                    .append(" uncovered, ")
                    .append(unsure.getOrDefault(k, 0))
                    .append(" unsure)");
        }
        return b.toString();
    }
}
