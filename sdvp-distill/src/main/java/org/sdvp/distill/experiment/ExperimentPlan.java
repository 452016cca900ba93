package org.sdvp.distill.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.train.DistillConfig;

/**
 * What an experiment runs, derived from its preset alone (no file is read): the stages per seed, in an order
 * where every stage comes after the stages it depends on, and the rows of the main and ablation tables.
 *
 * <p>Collections are shared: the first stage of a (seed, task, S_prev) collects, later ones with the same key
 * reuse its {@code calls.jsonl} (the teacher of a task is fixed, so the key determines the traced backends).
 */
public record ExperimentPlan(
        List<String> tasks,
        List<String> targets,
        List<StagePlan> stages,
        List<RowPlan> rows,
        List<RowPlan> ablationRows) {

    /** Every world task, targets first (the table's column order). */
    public static final List<String> TASKS = List.of("gqa-sim", "nlvr-sim", "count-sim", "ref-sim", "tag-sim");
    /** The distillation targets; sdvp-seq learns them in this order. */
    public static final List<String> TARGETS = List.of("gqa-sim", "nlvr-sim");
    /** The ablations' target task. */
    public static final String ABLATION_TASK = "gqa-sim";
    /** Data-size ablation, in percent of the labelled targets (100 % is the sdvp row itself). */
    public static final List<Integer> DATA_PERCENTS = List.of(10, 25, 50);

    public ExperimentPlan {
        tasks = List.copyOf(tasks);
        targets = List.copyOf(targets);
        stages = List.copyOf(stages);
        rows = List.copyOf(rows);
        ablationRows = List.copyOf(ablationRows);
    }

    public static String sdvpStage(String task) {
        return "sdvp-" + task;
    }

    public static String naiveStage(String task) {
        return "naive-ft-" + task;
    }

    /** The second stage of sdvp-seq (its first is {@code sdvp-gqa-sim}). */
    public static String seqStage(String task) {
        return "sdvp-seq-" + task;
    }

    public static ExperimentPlan of(ExperimentPreset preset) {
        List<StagePlan> stages = new ArrayList<>();
        for (long seed : preset.seeds()) {
            DistillConfig sdvp = preset.distillConfig(seed);
            for (String t : TARGETS) {
                stages.add(StagePlan.builder(sdvpStage(t), t, seed, sdvp)
                        .replayScenes(preset.replayScenes())
                        .build());
                stages.add(
                        StagePlan.builder(naiveStage(t), t, seed, sdvp.naive()).build());
            }
            // sequential: gqa-sim (the sdvp-gqa-sim stage), then nlvr-sim from it, replaying gqa-sim's calls
            String first = sdvpStage(TARGETS.get(0));
            stages.add(StagePlan.builder(seqStage(TARGETS.get(1)), TARGETS.get(1), seed, sdvp)
                    .continuing(first)
                    .replayScenes(preset.replayScenes())
                    .build());
            if (preset.ablations() && seed == preset.ablationSeed()) stages.addAll(ablationStages(preset, seed));
        }
        return new ExperimentPlan(TASKS, TARGETS, shareCollections(stages), rows(preset), ablationRows(preset));
    }

    /**
     * Ablation name (after {@code ablation:}) → how its stage differs from the sdvp stage on {@link #ABLATION_TASK}
     * (given that stage's config). The one list the ablation stages, rows and names come from, in table order.
     */
    private static final Map<String, BiConsumer<StagePlan.Builder, DistillConfig>> ABLATIONS = ablations();

    private static Map<String, BiConsumer<StagePlan.Builder, DistillConfig>> ablations() {
        Map<String, BiConsumer<StagePlan.Builder, DistillConfig>> a = new LinkedHashMap<>();
        for (int pct : DATA_PERCENTS) a.put("data-" + pct, (b, c) -> b.dataFraction(pct / 100.0));
        a.put("vqa-only", (b, c) -> b.kinds(Set.of(ServiceKind.VQA)));
        a.put("loc-only", (b, c) -> b.kinds(Set.of(ServiceKind.LOC)));
        a.put("no-kl", (b, c) -> b.config(c.toBuilder().klWeight(0f).build()));
        a.put("no-ce", (b, c) -> b.config(c.toBuilder().ceWeight(0f).build()));
        // beta 0 with replay off, but the frozen units kept: only the self-distillation term differs from sdvp
        a.put(
                "no-self-distill",
                (b, c) -> b.config(c.toBuilder().beta(0f).build()).replayScenes(StagePlan.NO_REPLAY));
        a.put("no-filter", (b, c) -> b.labels(new LabelOptions(false, 0)));
        // the distilled weights as trained, not mixed with S_prev's
        a.put("no-weight-mix", (b, c) -> b.config(c.toBuilder().weightMix(1f).build()));
        // grounding trained as one combined score against the phrase's boxes, at λ_LOC 1 (the default before)
        a.put(
                "no-loc-objects",
                (b, c) -> b.config(c.toBuilder().locObjects(false).locWeight(1f).build()));
        a.put("tau-1", (b, c) -> b.config(c.toBuilder().tau(1f).build()));
        a.put("tau-4", (b, c) -> b.config(c.toBuilder().tau(4f).build()));
        return Collections.unmodifiableMap(a);
    }

    private static List<StagePlan> ablationStages(ExperimentPreset preset, long seed) {
        DistillConfig c = preset.distillConfig(seed);
        List<StagePlan> out = new ArrayList<>();
        ABLATIONS.forEach((name, change) -> {
            StagePlan.Builder b = StagePlan.builder(ablationStage(name), ABLATION_TASK, seed, c)
                    .replayScenes(preset.replayScenes());
            change.accept(b, c);
            out.add(b.build());
        });
        return out;
    }

    public static String ablationStage(String name) {
        return "ablation-" + name;
    }

    /** The ablations' names, in table order. */
    public static List<String> ablationNames() {
        return List.copyOf(ABLATIONS.keySet());
    }

    private static List<StagePlan> shareCollections(List<StagePlan> stages) {
        Map<String, String> firstByKey = new LinkedHashMap<>();
        List<StagePlan> out = new ArrayList<>();
        for (StagePlan s : stages) {
            String key = s.seed() + "|" + s.task() + "|" + s.startFrom();
            String first = firstByKey.putIfAbsent(key, s.id());
            out.add(first == null ? s : s.reusingCallsOf(first));
        }
        return out;
    }

    private static List<RowPlan> rows(ExperimentPreset preset) {
        List<RowPlan> rows = new ArrayList<>();
        List<Long> seeds = preset.seeds();
        rows.add(new RowPlan("oracle", RowPlan.Backend.oracle(), List.of(), false));
        rows.add(new RowPlan("baseline", RowPlan.Backend.student(), List.of(), false));
        for (String t : TARGETS)
            rows.add(new RowPlan("teacher-swap:" + t, RowPlan.Backend.teacherSwap(t), List.of(), false));
        for (String t : TARGETS)
            rows.add(new RowPlan("naive-ft:" + t, RowPlan.Backend.stage(naiveStage(t)), seeds, false));
        for (String t : TARGETS) rows.add(new RowPlan("sdvp:" + t, RowPlan.Backend.stage(sdvpStage(t)), seeds, false));
        rows.add(new RowPlan("sdvp-seq", RowPlan.Backend.stage(seqStage(TARGETS.get(1))), seeds, false));
        return rows;
    }

    private static List<RowPlan> ablationRows(ExperimentPreset preset) {
        if (!preset.ablations()) return List.of();
        List<Long> one = List.of(preset.ablationSeed());
        List<RowPlan> rows = new ArrayList<>();
        for (String a : ablationNames())
            rows.add(new RowPlan("ablation:" + a, RowPlan.Backend.stage(ablationStage(a)), one, true));
        return rows;
    }

    /** The stage with this id at this seed. */
    public StagePlan stage(long seed, String id) {
        return stages.stream()
                .filter(s -> s.seed() == seed && s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + id + " at seed " + seed));
    }

    /** Every row, main table first. */
    public List<RowPlan> allRows() {
        List<RowPlan> all = new ArrayList<>(rows);
        all.addAll(ablationRows);
        return all;
    }
}
