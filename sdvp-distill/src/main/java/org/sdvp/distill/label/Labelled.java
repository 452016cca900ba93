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
 * @param unmappedAnswers the teacher's VQA answers the student's vocabulary lacks (even normalised), with the number
 *                      of distributions that gave each: what the vocabulary adapter could not map (a foreign
 *                      teacher's, e.g. GQA's open answers for the world student)
 */
public record Labelled(
        DistillSet targets,
        Map<String, Integer> calls,
        Map<String, Integer> inconsistent,
        Map<String, Integer> uncovered,
        Map<String, Integer> unsure,
        Map<String, Integer> missingImage,
        Map<String, Integer> unmappedAnswers) {
    /** Labels with no unmapped answers counted. */
    public Labelled(
            DistillSet targets,
            Map<String, Integer> calls,
            Map<String, Integer> inconsistent,
            Map<String, Integer> uncovered,
            Map<String, Integer> unsure,
            Map<String, Integer> missingImage) {
        this(targets, calls, inconsistent, uncovered, unsure, missingImage, Map.of());
    }

    public Labelled {
        calls = new TreeMap<>(calls);
        inconsistent = new TreeMap<>(inconsistent);
        uncovered = new TreeMap<>(uncovered);
        unsure = new TreeMap<>(unsure);
        missingImage = new TreeMap<>(missingImage);
        unmappedAnswers = new TreeMap<>(unmappedAnswers);
    }

    /**
     * {@code VQA 1200 calls → 830 labels (210 inconsistent, 140 uncovered, 20 unsure); …} (the unmapped answers are
     * printed apart, {@link #unmappedSummary}).
     */
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

    /**
     * {@code teacher answers the student cannot name (3 answers, 7 times): bus 4, man 2, tree 1}, the ten most
     * frequent; empty when every answer mapped.
     */
    public String unmappedSummary() {
        if (unmappedAnswers.isEmpty()) return "";
        int times =
                unmappedAnswers.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder b = new StringBuilder("teacher answers the student cannot name (" + unmappedAnswers.size()
                + " answers, " + times + " times):");
        unmappedAnswers.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(10)
                .forEach(e -> b.append(' ')
                        .append(e.getKey())
                        .append(' ')
                        .append(e.getValue())
                        .append(','));
        b.setLength(b.length() - 1);
        if (unmappedAnswers.size() > 10)
            b.append(" and ").append(unmappedAnswers.size() - 10).append(" more");
        return b.toString();
    }
}
