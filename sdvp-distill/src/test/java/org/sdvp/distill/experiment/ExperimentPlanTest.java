package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdvp.core.service.ServiceKind;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.train.DistillConfig;

class ExperimentPlanTest {
    @Test
    void quickPlanHasTheMainStagesAndRowsAndNoAblations() {
        ExperimentPlan p = ExperimentPlan.of(ExperimentPreset.quick());
        assertEquals(
                List.of("sdvp-gqa-sim", "naive-ft-gqa-sim", "sdvp-nlvr-sim", "naive-ft-nlvr-sim", "sdvp-seq-nlvr-sim"),
                p.stages().stream().map(StagePlan::id).toList());
        assertEquals(
                List.of(
                        "oracle",
                        "baseline",
                        "teacher-swap:gqa-sim",
                        "teacher-swap:nlvr-sim",
                        "naive-ft:gqa-sim",
                        "naive-ft:nlvr-sim",
                        "sdvp:gqa-sim",
                        "sdvp:nlvr-sim",
                        "sdvp-seq"),
                p.rows().stream().map(RowPlan::name).toList());
        assertTrue(p.ablationRows().isEmpty());
        assertEquals(List.of("gqa-sim", "nlvr-sim", "count-sim", "ref-sim", "tag-sim"), p.tasks());
        assertTrue(!p.rows().get(0).perSeed()
                && !p.rows().get(1).perSeed()
                && !p.rows().get(2).perSeed());
        assertEquals(List.of("seed-1"), p.rows().get(6).seedLabels());
    }

    @Test
    void sequentialStageStartsFromTheGqaStageAndReplaysItsCalls() {
        ExperimentPlan p = ExperimentPlan.of(ExperimentPreset.quick());
        StagePlan seq = p.stage(1, "sdvp-seq-nlvr-sim");
        assertEquals("nlvr-sim", seq.task());
        assertEquals("sdvp-gqa-sim", seq.startFrom());
        assertEquals(List.of("sdvp-gqa-sim"), seq.replayCallsOf());
        // its S_prev differs from the sdvp-nlvr-sim stage's, so it collects its own calls
        assertNull(seq.reuseCallsOf());
        assertEquals(List.of("sdvp-gqa-sim"), seq.dependencies());
    }

    @Test
    void stagesOfTheSameTaskAndStudentShareOneCollection() {
        ExperimentPlan p = ExperimentPlan.of(ExperimentPreset.standard());
        for (long seed : List.of(1L, 2L, 3L)) {
            assertNull(p.stage(seed, "sdvp-gqa-sim").reuseCallsOf());
            assertEquals("sdvp-gqa-sim", p.stage(seed, "naive-ft-gqa-sim").reuseCallsOf());
            assertEquals("sdvp-nlvr-sim", p.stage(seed, "naive-ft-nlvr-sim").reuseCallsOf());
        }
        assertEquals("sdvp-gqa-sim", p.stage(1, "ablation-no-filter").reuseCallsOf());
    }

    @Test
    void naiveFineTuningHasNoSelfDistillationNoReplayAndNothingFrozen() {
        StagePlan n = ExperimentPlan.of(ExperimentPreset.quick()).stage(1, "naive-ft-gqa-sim");
        assertEquals(0, n.replayScenes());
        assertEquals(0f, n.config().beta());
        assertEquals(0, n.config().frozenUnits());
        assertTrue(!n.config().selfDistills());
    }

    @Test
    void everyStageComesAfterTheStagesItNeeds() {
        ExperimentPlan p = ExperimentPlan.of(ExperimentPreset.standard());
        Set<String> done = new HashSet<>();
        for (StagePlan s : p.stages()) {
            for (String d : s.dependencies()) assertTrue(done.contains(s.seed() + d), s.id() + " before " + d);
            done.add(s.seed() + s.id());
        }
        assertEquals(3 * 5 + 13, p.stages().size());
    }

    @Test
    void defaultPlanRunsTheAblationsOnOneSeedOnGqa() {
        ExperimentPlan p = ExperimentPlan.of(ExperimentPreset.standard());
        assertEquals(
                List.of(
                        "ablation:data-10",
                        "ablation:data-25",
                        "ablation:data-50",
                        "ablation:vqa-only",
                        "ablation:loc-only",
                        "ablation:no-kl",
                        "ablation:no-ce",
                        "ablation:no-self-distill",
                        "ablation:no-filter",
                        "ablation:no-weight-mix",
                        "ablation:no-loc-objects",
                        "ablation:tau-1",
                        "ablation:tau-4"),
                p.ablationRows().stream().map(RowPlan::name).toList());
        p.ablationRows().forEach(r -> assertEquals(List.of(1L), r.seeds()));
        var sdvp = p.stage(1, "sdvp-gqa-sim").config();
        assertEquals(0.25, p.stage(1, "ablation-data-25").dataFraction());
        assertEquals(Set.of(ServiceKind.VQA), p.stage(1, "ablation-vqa-only").kinds());
        assertEquals(Set.of(ServiceKind.LOC), p.stage(1, "ablation-loc-only").kinds());
        assertEquals(0f, p.stage(1, "ablation-no-kl").config().klWeight());
        assertEquals(sdvp.ceWeight(), p.stage(1, "ablation-no-kl").config().ceWeight());
        assertEquals(0f, p.stage(1, "ablation-no-ce").config().ceWeight());
        StagePlan noSelf = p.stage(1, "ablation-no-self-distill");
        assertEquals(0f, noSelf.config().beta());
        assertEquals(0, noSelf.replayScenes());
        assertEquals(sdvp.frozenUnits(), noSelf.config().frozenUnits());
        assertTrue(!p.stage(1, "ablation-no-filter").labels().answerConsistentOnly());
        assertEquals(1f, p.stage(1, "ablation-no-weight-mix").config().weightMix());
        assertEquals(
                sdvp.toBuilder().weightMix(1f).build(),
                p.stage(1, "ablation-no-weight-mix").config());
        assertEquals(
                sdvp.toBuilder().locObjects(false).locWeight(1f).build(),
                p.stage(1, "ablation-no-loc-objects").config());
        assertEquals(1f, p.stage(1, "ablation-tau-1").config().tau());
        assertEquals(4f, p.stage(1, "ablation-tau-4").config().tau());
        assertTrue(p.stages().stream()
                .filter(s -> s.id().startsWith("ablation"))
                .allMatch(s -> s.seed() == 1 && s.task().equals("gqa-sim")));
    }

    @Test
    void theBuildersDefaultsGiveTheSameStagesAsSpellingEveryFieldOut() {
        // a stage's plan JSON is part of its recorded inputs: naming the defaults must not change one value
        ExperimentPreset preset = ExperimentPreset.standard();
        ExperimentPlan p = ExperimentPlan.of(preset);
        DistillConfig c = preset.distillConfig(2);
        Set<ServiceKind> all = Set.of(ServiceKind.values());
        assertEquals(
                new StagePlan(
                        "sdvp-gqa-sim",
                        "gqa-sim",
                        2,
                        null,
                        null,
                        List.of(),
                        c,
                        LabelOptions.defaults(),
                        all,
                        1.0,
                        preset.replayScenes()),
                p.stage(2, "sdvp-gqa-sim"));
        assertEquals(
                new StagePlan(
                        "naive-ft-nlvr-sim",
                        "nlvr-sim",
                        2,
                        null,
                        "sdvp-nlvr-sim",
                        List.of(),
                        c.naive(),
                        LabelOptions.defaults(),
                        all,
                        1.0,
                        0),
                p.stage(2, "naive-ft-nlvr-sim"));
        assertEquals(
                new StagePlan(
                        "sdvp-seq-nlvr-sim",
                        "nlvr-sim",
                        2,
                        "sdvp-gqa-sim",
                        null,
                        List.of("sdvp-gqa-sim"),
                        c,
                        LabelOptions.defaults(),
                        all,
                        1.0,
                        preset.replayScenes()),
                p.stage(2, "sdvp-seq-nlvr-sim"));
        DistillConfig a = preset.distillConfig(preset.ablationSeed());
        assertEquals(
                new StagePlan(
                        "ablation-no-self-distill",
                        "gqa-sim",
                        preset.ablationSeed(),
                        null,
                        "sdvp-gqa-sim",
                        List.of(),
                        a.toBuilder().beta(0f).build(),
                        LabelOptions.defaults(),
                        all,
                        1.0,
                        0),
                p.stage(preset.ablationSeed(), "ablation-no-self-distill"));
        assertEquals(
                ExperimentPlan.ablationNames().stream()
                        .map(n -> "ablation:" + n)
                        .toList(),
                p.ablationRows().stream().map(RowPlan::name).toList());
    }
}
