package org.sdvp.distill.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.distill.label.ClusterLabeler;
import org.sdvp.distill.stage.StageSpec;

/** What a stage worker process is sent survives the trip through its request file unchanged. */
class StageWorkerTest {
    @TempDir
    Path dir;

    @Test
    void aRequestReadsBackAsTheSameStage() throws Exception {
        ExperimentPlan plan = ExperimentPlan.of(ExperimentPreset.standard());
        for (StagePlan s : List.of(
                plan.stage(1, "sdvp-seq-nlvr-sim"),
                plan.stage(1, "ablation-vqa-only"),
                plan.stage(2, "naive-ft-gqa-sim"))) {
            Path out = dir.resolve("stages").resolve(s.id());
            StageSpec spec = StageSpec.builder(s.task(), dir.resolve("s0"), dir.resolve("teacher"), out, s.config())
                    .data(dir.resolve("data"))
                    .calls(s.reuseCallsOf() == null ? null : dir.resolve("calls.jsonl"))
                    .labels(s.labels())
                    .kinds(s.kinds())
                    .dataFraction(s.dataFraction())
                    .replayScenes(s.replayScenes())
                    .replayCalls(List.of(dir.resolve("gqa.jsonl")))
                    .resume(true)
                    .labelOn(s.seed() == 2 ? new ClusterLabeler.On("local[2]", 3) : null)
                    .build();
            var request = StageWorker.Request.stage(s, spec, dir.resolve("summary.json"));
            Path file = dir.resolve("request.json");
            Json.write(file, request);
            assertEquals(request, Json.mapper().readValue(file.toFile(), StageWorker.Request.class));
        }
        var teacher = new StageWorker.Request(
                null,
                null,
                new StageWorker.TeacherJob("nlvr-sim", "default", 1, dir.resolve("teachers/nlvr-sim")),
                dir.resolve("summary.json"));
        Json.write(dir.resolve("t.json"), teacher);
        assertEquals(teacher, Json.mapper().readValue(dir.resolve("t.json").toFile(), StageWorker.Request.class));
    }
}
