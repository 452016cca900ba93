package org.sdvp.data.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.data.Fixtures;
import org.sdvp.data.metric.GqaBreakdown;

/** Converted GQA programs, run by the VisProg interpreter against the scene-graph oracle. */
class GqaEndToEndTest {

    static EvalResult run(String split, List<String> log) throws Exception {
        return run(split, log, null);
    }

    static EvalResult run(String split, List<String> log, Evaluator.Listener listener) throws Exception {
        GqaTask task = new GqaTask();
        try (GqaExampleSource source = task.open(Fixtures.GQA, split);
                ModelServices services = ModuleSpec.parse("gqa-oracle").load(ProviderContext.ofData(Fixtures.GQA));
                ModelGateway gateway = new ModelGateway(services)) {
            EvalResult r = new Evaluator(task, new VisProgInterpreter(), new DatasetPrograms(), gateway, 2)
                    .run(source, split, Map.of(), listener);
            log.add(source.stats().toString());
            return r;
        }
    }

    @Test
    void everyConvertedProgramIsAnsweredCorrectlyAndOnlyFallbacksMiss() throws Exception {
        List<String> log = new ArrayList<>();
        EvalResult r = run("val_balanced", log);
        assertEquals(32, r.count());
        assertEquals(0, r.errors(), () -> r.misses().toString());
        assertEquals("32 programs, 2 fallbacks (6.3%)", log.get(0));
        // the two fallbacks (q23 a scene query, q24 same colour within one group) ask the whole question,
        // which the oracle cannot parse
        assertEquals(
                List.of("q23", "q24"),
                r.misses().stream().map(QuestionResult::id).toList());
        assertEquals(30.0 / 32, r.score(), 1e-9);
        GqaBreakdown b = GqaBreakdown.of(r.byType());
        assertEquals(1.0, b.structural().get("choose").score());
        assertEquals(4, b.semantic().get("obj").count());
        // the task reports both breakdowns itself, in results.json and the summary
        assertEquals(b.aggregates(), r.aggregates());
        assertEquals(1.0, r.aggregates().get("structural.choose"));
        assertTrue(r.summary().contains("; structural.choose 1.0000"), r.summary());
    }

    @Test
    void predictionsAreWrittenInGqasSubmissionFormat(@TempDir Path dir) throws Exception {
        GqaPredictions predictions = new GqaPredictions();
        run("val_all", new ArrayList<>(), predictions);
        Path file = dir.resolve("predictions.json");
        predictions.write(file);
        List<?> rows = Json.mapper().readValue(file.toFile(), List.class);
        assertEquals(
                List.of(
                        Map.of("questionId", "a01", "prediction", "white"),
                        Map.of("questionId", "a02", "prediction", "")),
                rows.stream()
                        .sorted(java.util.Comparator.comparing(Object::toString))
                        .toList());
    }

    @Test
    void aMissingImageFailsOnlyItsQuestionNamingIdAndPath() throws Exception {
        EvalResult r = run("val_all", new ArrayList<>());
        assertEquals(2, r.count());
        assertEquals(1, r.errors());
        assertEquals(0.5, r.score(), 1e-9);
        QuestionResult failed = r.misses().get(0);
        assertEquals("a02", failed.id());
        assertTrue(
                failed.error().contains("image not found") && failed.error().contains("images/3.jpg"), failed.error());
    }
}
