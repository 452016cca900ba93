package org.sdvp.world.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.task.DatasetGenerator;
import org.sdvp.world.task.WorldTask;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * Generated questions, converted to VisProg, run by the interpreter on the oracle backend, must reproduce
 * the symbolic executor's answers: this checks generator, converters, VQA forms, oracle and interpreter
 * together.
 */
class OracleRoundTripTest {
    static final int COUNT = Integer.getInteger("oracle.count", 120);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gqa-sim", "nlvr-sim", "count-sim", "ref-sim", "tag-sim"})
    void convertedProgramsOnTheOracleReproduceTheGoldAnswers(String name) throws Exception {
        WorldTaskSpec spec = WorldTaskSpec.get(name);
        new DatasetGenerator()
                .generate(
                        new DatasetGenerator.Request(
                                spec,
                                "test",
                                COUNT,
                                11,
                                spec.defaultStyle(),
                                dir.resolve("test"),
                                SceneGenerator.Config.defaults()),
                        n -> {});
        WorldTask task = new WorldTask(spec);
        try (ModelServices oracle = new OracleProvider().create("", ProviderContext.ofData(dir));
                ModelGateway gateway = new ModelGateway(oracle)) {
            EvalResult r = new Evaluator(task, new VisProgInterpreter(), new DatasetPrograms(), gateway, 4)
                    .run(task.open(dir, "test"), "test", Map.of(), null);
            r.misses().forEach(m -> System.out.println(name + " MISS " + m));
            assertTrue(r.score() >= 0.99, name + ": " + r.summary());
            // image pairs report NLVR2's consistency; it cannot exceed accuracy, and is 1 when nothing is missed
            if (spec.pairs()) {
                double c = r.aggregates().get("consistency");
                assertTrue(c <= r.score() + 1e-12 && (r.misses().isEmpty() ? c == 1 : c < 1), r.summary());
                assertTrue(r.summary().contains("; consistency "), r.summary());
            } else {
                assertTrue(r.aggregates().isEmpty(), r.summary());
            }
        }
    }
}
