package org.sdvp.world.instruct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.io.Images;
import org.sdvp.core.module.ModuleOptions;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.ListValue;
import org.sdvp.core.value.Value;
import org.sdvp.world.oracle.OracleProvider;
import org.sdvp.world.scene.SceneGenerator;

/**
 * The instruction tasks end to end: generated, read back as examples, their carried VisProg programs run on
 * the oracle. edit-sim and knowtag-sim reach the gold (≥ 0.99, as every world task's oracle must); depth-sim
 * measures what the depth crops mean.
 */
class InstructionTasksTest {
    static final int COUNT = 24;

    @TempDir
    Path dir;

    private EvalResult evaluate(String name, ModuleOptions options) throws Exception {
        InstructionTaskSpec spec = InstructionTaskSpec.find(name).orElseThrow();
        if (!Files.exists(dir.resolve("test"))) {
            new InstructionGenerator()
                    .generate(
                            new InstructionGenerator.Request(
                                    spec,
                                    "test",
                                    COUNT,
                                    5,
                                    spec.defaultStyle(),
                                    dir.resolve("test"),
                                    SceneGenerator.Config.defaults()),
                            n -> {});
        }
        InstructionTask task = new InstructionTask(spec);
        try (ModelServices oracle = new OracleProvider().create("", ProviderContext.ofData(dir));
                ModelGateway gateway = new ModelGateway(oracle)) {
            return new Evaluator(
                            task,
                            new VisProgInterpreter(StandardModules.registry(options)),
                            new DatasetPrograms(),
                            gateway,
                            2)
                    .run(task.open(dir, "test"), "test", Map.of(), null);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"edit-sim", "knowtag-sim"})
    void theOracleReachesTheGold(String name) throws Exception {
        EvalResult r = evaluate(name, ModuleOptions.DEFAULT);
        r.misses().forEach(m -> System.out.println(name + " MISS " + m));
        assertTrue(r.score() >= 0.99, name + ": " + r.summary());
    }

    @Test
    void groundDepthCropsAnswerDepthQuestionsBetterThanVisProgsBoxCrops() throws Exception {
        double box = evaluate("depth-sim", ModuleOptions.DEFAULT).score();
        double ground = evaluate("depth-sim", new ModuleOptions(ModuleOptions.DepthCrops.GROUND))
                .score();
        assertTrue(ground > box + 0.1, "ground " + ground + " vs box " + box);
    }

    @Test
    void generationIsDeterministicAndTheGoldChangesOnlyTheEditedObjects() throws Exception {
        InstructionTaskSpec spec = InstructionTaskSpec.find("edit-sim").orElseThrow();
        for (String run : List.of("a", "b")) {
            new InstructionGenerator()
                    .generate(
                            new InstructionGenerator.Request(
                                    spec, "test", 3, 9, "studio", dir.resolve(run), SceneGenerator.Config.defaults()),
                            n -> {});
        }
        for (String f : List.of("instructions.json", "scenes.json", "gold/edit-sim_test_000000.png")) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)),
                    f);
        }
        Example first = new InstructionTask(spec).open(dir, "a").next();
        ListValue gold = (ListValue) first.gold().orElseThrow();
        ImageValue edited = (ImageValue) gold.items().get(0),
                source = (ImageValue) gold.items().get(1);
        ChangedRegionAccuracy metric = new ChangedRegionAccuracy();
        assertEquals(1.0, metric.score(edited, gold));
        assertEquals(0.0, metric.score(source, gold), "doing nothing misses every changed pixel");
    }

    @Test
    void anEditOfAnObjectNotInTheImageFailsWithAStepErrorAndNoImage() throws Exception {
        InstructionTaskSpec spec = InstructionTaskSpec.find("edit-sim").orElseThrow();
        new InstructionGenerator()
                .generate(
                        new InstructionGenerator.Request(
                                spec, "test", 1, 3, "studio", dir.resolve("test"), SceneGenerator.Config.defaults()),
                        n -> {});
        Path image = Files.list(dir.resolve("test/images")).findFirst().orElseThrow();
        try (ModelServices oracle = new OracleProvider().create("", ProviderContext.ofData(dir));
                ModelGateway gateway = new ModelGateway(oracle)) {
            Execution run = new VisProgInterpreter()
                    .execute(
                            "OBJ0=SEG(image=IMAGE)\n"
                                    + "OBJ1=SELECT(image=IMAGE,object=OBJ0,query='object',category=None)\n"
                                    + "IMAGE0=REPLACE(image=IMAGE,object=OBJ1,prompt='dragon')\nFINAL_RESULT=RESULT(var=IMAGE0)\n",
                            Map.<String, Value>of("IMAGE", Images.load(image)),
                            gateway);
            assertTrue(run.result().isEmpty());
            String failure = run.failure().orElseThrow().format();
            assertTrue(failure.contains("line 3") && failure.contains("cannot render 'dragon'"), failure);
        }
    }
}
