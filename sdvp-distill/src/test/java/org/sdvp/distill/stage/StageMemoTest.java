package org.sdvp.distill.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.label.Labelled;
import org.sdvp.distill.train.DistillConfig;
import org.sdvp.models.train.SubTaskSet;

class StageMemoTest {
    private final AtomicInteger computed = new AtomicInteger();

    private static StageSpec spec(String student, long seed, LabelOptions labels, double fraction) {
        return StageSpec.builder(
                        "gqa-sim",
                        Path.of(student),
                        Path.of("teacher"),
                        Path.of("out-" + seed),
                        DistillConfig.defaults(10, seed))
                .data(Path.of("data"))
                .questions(100)
                .labels(labels)
                .dataFraction(fraction)
                .replayScenes(300)
                .build();
    }

    private Labelled labelled() {
        computed.incrementAndGet();
        return new Labelled(DistillSet.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private DistillSet replay() {
        computed.incrementAndGet();
        return DistillSet.empty();
    }

    @Test
    void stagesThatLabelTheSameCallsAlikeShareOneLabelling() throws Exception {
        StageMemo memo = StageMemo.remembering();
        Path calls = Path.of("calls.jsonl");
        Labelled a = memo.labels(spec("s0", 1, LabelOptions.defaults(), 1), calls, this::labelled);
        Labelled b = memo.labels(spec("s0", 2, LabelOptions.defaults(), 0.25), calls, this::labelled);
        assertSame(a, b, "another seed or data fraction labels the same calls the same way");
        memo.labels(spec("s0", 1, new LabelOptions(false, 0), 1), calls, this::labelled);
        memo.labels(spec("sdvp-gqa/student", 1, LabelOptions.defaults(), 1), calls, this::labelled);
        memo.labels(spec("s0", 1, LabelOptions.defaults(), 1), Path.of("other.jsonl"), this::labelled);
        assertEquals(4, computed.get(), "other filter options, another S_prev or other calls are labelled again");
    }

    @Test
    void generalReplayIsSharedPerPreviousStudentAndSeed() throws Exception {
        StageMemo memo = StageMemo.remembering();
        memo.generalReplay(spec("s0", 1, LabelOptions.defaults(), 1), this::replay);
        memo.generalReplay(spec("./s0", 1, LabelOptions.defaults(), 0.5), this::replay);
        assertEquals(1, computed.get(), "the same checkpoint, however its path is spelled");
        memo.generalReplay(spec("s0", 2, LabelOptions.defaults(), 1), this::replay);
        assertEquals(2, computed.get(), "another seed draws other scenes");
        assertEquals(2, memo.size());
    }

    @Test
    void calibrationScenesAreSharedPerSeed() throws Exception {
        StageMemo memo = StageMemo.remembering();
        SubTaskSet a = memo.calibrationScenes(1, this::scenes);
        assertSame(a, memo.calibrationScenes(1, this::scenes), "every stage of a seed chooses on the same scenes");
        memo.calibrationScenes(2, this::scenes);
        assertEquals(2, computed.get(), "another seed, other scenes");
    }

    private SubTaskSet scenes() {
        computed.incrementAndGet();
        return new SubTaskSet(List.of(), List.of(), List.of());
    }

    @Test
    void noneComputesEveryTime() throws Exception {
        StageMemo memo = StageMemo.none();
        memo.generalReplay(spec("s0", 1, LabelOptions.defaults(), 1), this::replay);
        memo.generalReplay(spec("s0", 1, LabelOptions.defaults(), 1), this::replay);
        assertEquals(2, computed.get());
        assertEquals(0, memo.size());
    }
}
