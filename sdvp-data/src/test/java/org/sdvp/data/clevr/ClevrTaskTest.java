package org.sdvp.data.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.QuestionResult;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.TextValue;
import org.sdvp.data.Fixtures;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.data.oracle.SceneObject;

class ClevrTaskTest {

    private static List<Example> all() throws Exception {
        List<Example> out = new ArrayList<>();
        try (ExampleSource s = Tasks.find("clevr").open(Fixtures.CLEVR, "val")) {
            assertEquals(9, s.size().orElseThrow());
            s.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void questionsBecomeExamplesWithConvertedProgramsInBothNodeFormats() throws Exception {
        List<Example> qs = all();
        Example first = qs.get(0);
        assertEquals("0", first.id());
        assertEquals("count", first.type());
        assertEquals(new TextValue("2"), first.gold().orElseThrow());
        assertEquals(
                Fixtures.CLEVR.resolve("images/val/CLEVR_val_000000.png"),
                first.images().get("IMAGE"));
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='red object')
                ANSWER0=COUNT(box=BOX0)
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, first.program().orElseThrow());
        // question 6 is in the generator's format (type / side_inputs)
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='small red sphere')
                IMAGE0=CROP_BELOW(image=IMAGE,box=BOX0)
                BOX1=LOC(image=IMAGE0,object='object')
                ANSWER0=COUNT(box=BOX1)
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, qs.get(6).program().orElseThrow());
        assertEquals("fallback", qs.get(7).meta().get("program"));
        assertEquals("same_size", qs.get(7).meta().get("fallbackReason"));
        for (Example e : qs) new VisProgInterpreter().check(e.program().orElseThrow(), Set.of("IMAGE"));
    }

    @Test
    void scenesBecomeAnnotationsWithClevrRelationsAndEstimatedBoxes() throws Exception {
        List<ClevrScene> scenes = ClevrFiles.scenes(Fixtures.CLEVR.resolve("scenes/CLEVR_val_scenes.json"));
        AnnotatedScene s = ClevrScenes.toScene(scenes.get(0));
        SceneObject cube = s.objects().get(0);
        assertEquals("cube", cube.name());
        assertEquals(Set.of("large", "red", "rubber", "cube"), cube.attributes());
        assertEquals(120, cube.box().centerX(), 1e-9);
        assertEquals(2 * 515 * 0.7 / 10, cube.box().width(), 1e-9);
        // relationships["left"][1] lists the objects left of object 1 (the blue sphere at x=300): 0 and 3
        assertTrue(cube.relations().contains(new SceneObject.Relation("left", "1")));
        assertTrue(s.objects().get(3).relations().contains(new SceneObject.Relation("left", "1")));
    }

    @Test
    void convertedProgramsOnTheOracleScoreAllButTheFallback() throws Exception {
        var task = Tasks.find("clevr");
        try (ExampleSource source = task.open(Fixtures.CLEVR, "val");
                ModelServices services = ModuleSpec.parse("clevr-oracle").load(ProviderContext.ofData(Fixtures.CLEVR));
                ModelGateway gateway = new ModelGateway(services)) {
            EvalResult r = new Evaluator(task, new VisProgInterpreter(), new DatasetPrograms(), gateway, 2)
                    .run(source, "val", Map.of(), null);
            assertEquals(0, r.errors(), () -> r.misses().toString());
            assertEquals(
                    List.of("7"),
                    r.misses().stream().map(QuestionResult::id).toList(),
                    () -> r.misses().toString());
            assertEquals(8.0 / 9, r.score(), 1e-9);
        }
    }

    @Test
    void aFolderInSdvpWorldsLayoutAndSchemaExtensionsIsRead(@TempDir Path root) throws Exception {
        // sdvp-world writes DIR/SPLIT/{scenes,questions}.json, images under DIR/SPLIT/images, a question-level
        // "type", program nodes keyed "type" here for the generator's variant, and per object bbox [x1,y1,x2,y2]
        Path split = Files.createDirectories(root.resolve("test/images"));
        Files.copy(Fixtures.CLEVR.resolve("images/val/CLEVR_val_000000.png"), split.resolve("w0.png"));
        Files.writeString(root.resolve("test/scenes.json"), """
                {"info": {}, "scenes": [{"split": "test", "image_index": 0, "image_filename": "w0.png", "width": 480,
                 "height": 320, "style": "flat", "objects": [{"shape": "cube", "color": "red", "size": "large",
                 "material": "rubber", "pixel_coords": [120, 200, 7], "bbox": [90, 170, 150, 230], "mask": {"counts": [1]}}],
                 "relationships": {"left": [[]], "right": [[]], "front": [[]], "behind": [[]]}}]}""");
        Files.writeString(root.resolve("test/questions.json"), """
                {"info": {}, "questions": [{"split": "test", "question_index": 0, "image_index": 0, "image_filename": "w0.png",
                 "question": "What color is the cube?", "type": "query_color", "answer": "red",
                 "program": [{"type": "scene", "inputs": [], "side_inputs": []},
                             {"type": "filter_shape", "inputs": [0], "side_inputs": ["cube"]},
                             {"type": "unique", "inputs": [1], "side_inputs": []},
                             {"type": "query_color", "inputs": [2], "side_inputs": []}]}]}""");
        AnnotatedScene scene = ClevrScenes.toScene(
                ClevrFiles.scenes(root.resolve("test/scenes.json")).get(0));
        assertEquals(new Box(90, 170, 150, 230), scene.objects().get(0).box());
        EvalResult r = oracleRun(root);
        assertEquals(1.0, r.score(), () -> r.misses().toString());
    }

    @Test
    void badQuestionAndSceneEntriesAreTheirQuestionsErrorsByReasonAndTheRunCompletes(@TempDir Path root)
            throws Exception {
        Path split = Files.createDirectories(root.resolve("test/images"));
        Files.copy(Fixtures.CLEVR.resolve("images/val/CLEVR_val_000000.png"), split.resolve("w0.png"));
        Files.copy(Fixtures.CLEVR.resolve("images/val/CLEVR_val_000000.png"), split.resolve("w1.png"));
        String objects = "\"objects\": [{\"shape\": \"cube\", \"color\": \"red\", \"size\": \"large\", "
                + "\"material\": \"rubber\", \"pixel_coords\": [120, 200, 7], \"bbox\": [90, 170, 150, 230]}], "
                + "\"relationships\": {\"left\": [[]], \"right\": [[]], \"front\": [[]], \"behind\": [[]]}";
        // scene 1's objects are a string: its image's questions fail with that reason
        Files.writeString(
                root.resolve("test/scenes.json"),
                "{\"scenes\": [{\"image_filename\": \"w0.png\", " + objects
                        + "},\n {\"image_filename\": \"w1.png\", \"objects\": \"oops\"}]}");
        String program = "\"program\": [{\"type\": \"scene\", \"inputs\": [], \"side_inputs\": []}, "
                + "{\"type\": \"filter_shape\", \"inputs\": [0], \"side_inputs\": [\"cube\"]}, "
                + "{\"type\": \"unique\", \"inputs\": [1], \"side_inputs\": []}, "
                + "{\"type\": \"query_color\", \"inputs\": [2], \"side_inputs\": []}]";
        Files.writeString(
                root.resolve("test/questions.json"),
                "{\"questions\": [\n"
                        + "{\"image_filename\": \"w0.png\", \"question\": \"What color is the cube?\", \"answer\": \"red\", "
                        + program + "},\n"
                        + "{\"image_filename\": \"w0.png\", \"question_index\": \"seven\", \"question\": \"q\", \"answer\": \"red\"},\n"
                        + "{\"question\": \"What color is the cube?\", \"answer\": \"red\"},\n"
                        + "{\"image_filename\": \"w1.png\", \"question\": \"What color is the cube?\", \"answer\": \"red\", "
                        + program + "}]}");
        EvalResult r = oracleRun(root);
        assertEquals(4, r.count());
        // the bad scene entry is counted by its data reason, not as a failed step
        assertEquals(Map.of("wrong-field-type", 2, "missing-field", 1), r.errorsByReason());
        assertEquals(0.25, r.score(), 1e-12, () -> r.misses().toString());
        String scene = r.misses().stream()
                .filter(m -> m.error().contains("are invalid"))
                .findFirst()
                .orElseThrow()
                .error();
        assertTrue(scene.contains("'w1.png' are invalid") && scene.contains("scenes.json at scenes[1]"), scene);
        String type = r.misses().stream()
                .filter(m -> "wrong-field-type".equals(m.reason()))
                .findFirst()
                .orElseThrow()
                .error();
        assertTrue(type.contains("questions.json at questions[1]"), type);
    }

    @Test
    void aTruncatedScenesFileServesItsCompleteScenesAndCountsTheLostOnesByTheCut(@TempDir Path root) throws Exception {
        Path split = Files.createDirectories(root.resolve("test/images"));
        for (String image : List.of("w0.png", "w1.png", "w2.png")) {
            Files.copy(Fixtures.CLEVR.resolve("images/val/CLEVR_val_000000.png"), split.resolve(image));
        }
        String scene = "{\"image_filename\": \"IMG\", \"objects\": [{\"shape\": \"cube\", \"color\": \"red\", "
                + "\"size\": \"large\", \"material\": \"rubber\", \"pixel_coords\": [120, 200, 7], "
                + "\"bbox\": [90, 170, 150, 230]}], \"relationships\": {\"left\": [[]], \"right\": [[]], "
                + "\"front\": [[]], \"behind\": [[]]}}";
        String scenes = "{\"scenes\": [" + scene.replace("IMG", "w0.png") + ",\n" + scene.replace("IMG", "w1.png")
                + ",\n" + scene.replace("IMG", "w2.png") + "]}";
        // cut inside w1's scene, as an interrupted copy leaves it: w1 and w2 are lost
        Files.writeString(root.resolve("test/scenes.json"), scenes.substring(0, scenes.indexOf("w1.png") + 30));
        String program = "\"program\": [{\"type\": \"scene\", \"inputs\": [], \"side_inputs\": []}, "
                + "{\"type\": \"filter_shape\", \"inputs\": [0], \"side_inputs\": [\"cube\"]}, "
                + "{\"type\": \"unique\", \"inputs\": [1], \"side_inputs\": []}, "
                + "{\"type\": \"query_color\", \"inputs\": [2], \"side_inputs\": []}]";
        List<String> questions = new ArrayList<>();
        for (String image : List.of("w0.png", "w0.png", "w1.png", "w2.png")) {
            questions.add("{\"image_filename\": \"" + image + "\", \"question\": \"What color is the cube?\", "
                    + "\"answer\": \"red\", " + program + "}");
        }
        Files.writeString(
                root.resolve("test/questions.json"), "{\"questions\": [\n" + String.join(",\n", questions) + "]}");
        EvalResult r = oracleRun(root);
        assertEquals(4, r.count());
        assertEquals(Map.of("truncated-json", 2), r.errorsByReason());
        assertEquals(0.5, r.score(), 1e-12, () -> r.misses().toString());
        for (QuestionResult m : r.misses()) {
            assertTrue(
                    m.error().contains("scenes.json at line 2")
                            && m.error().contains("the file ends inside scenes[1], after 1 complete entry"),
                    m.error());
        }
    }

    @Test
    void aTruncatedQuestionsFileRunsEveryCompleteQuestionAndCountsTheCutByReason(@TempDir Path root) throws Exception {
        var task = Tasks.find("clevr");
        Path questions = Files.createDirectories(root.resolve("questions")).resolve("CLEVR_val_questions.json");
        String whole = Files.readString(Fixtures.CLEVR.resolve("questions/CLEVR_val_questions.json"));
        // cut inside the fifth question: the first four run, the cut is one error
        Files.writeString(questions, whole.substring(0, nthQuestionStart(whole, 4) + 30));
        for (String dir : List.of("images", "scenes")) copyTree(Fixtures.CLEVR.resolve(dir), root.resolve(dir));
        try (ExampleSource source = task.open(root, "val");
                ModelServices services = ModuleSpec.parse("clevr-oracle").load(ProviderContext.ofData(root));
                ModelGateway gateway = new ModelGateway(services)) {
            assertEquals(5, source.size().orElseThrow());
            EvalResult r = new Evaluator(task, new VisProgInterpreter(), new DatasetPrograms(), gateway, 1)
                    .run(source, "val", Map.of(), null);
            assertEquals(5, r.count());
            assertEquals(Map.of("truncated-json", 1), r.errorsByReason());
            QuestionResult cut = r.misses().stream()
                    .filter(m -> "truncated-json".equals(m.reason()))
                    .findFirst()
                    .orElseThrow();
            assertEquals("questions[4]", cut.id());
            assertTrue(
                    cut.error().startsWith("truncated JSON in " + questions + " at line ")
                            && cut.error().contains("the file ends inside questions[4], after 4 complete entries"),
                    cut.error());
            assertEquals(4.0 / 5, r.score(), 1e-12, () -> r.misses().toString());
        }
    }

    /** Where the {@code n}-th (0-based) question object of a CLEVR questions file starts. */
    private static int nthQuestionStart(String json, int n) {
        int at = json.indexOf('[', json.indexOf("\"questions\"")) + 1;
        for (int depth = 0, seen = -1; at < json.length(); at++) {
            char c = json.charAt(at);
            if (c == '{' && depth++ == 0 && ++seen == n) return at;
            if (c == '}') depth--;
            if (c == '[') depth++;
            if (c == ']') depth--;
        }
        throw new IllegalArgumentException("fewer than " + (n + 1) + " questions");
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @Test
    void anUnknownSplitListsTheSplitsFound() {
        DataException e =
                assertThrows(DataException.class, () -> Tasks.find("clevr").open(Fixtures.CLEVR, "train"));
        assertEquals(
                "unknown CLEVR split 'train' under " + Fixtures.CLEVR + " (no questions file); splits found: val",
                e.getMessage());
    }

    /** The clevr-oracle's VisProg run over {@code root}'s test split, one question at a time. */
    private static EvalResult oracleRun(Path root) throws Exception {
        var task = Tasks.find("clevr");
        try (ExampleSource source = task.open(root, "test");
                ModelServices services = ModuleSpec.parse("clevr-oracle").load(ProviderContext.ofData(root));
                ModelGateway gateway = new ModelGateway(services)) {
            return new Evaluator(task, new VisProgInterpreter(), new DatasetPrograms(), gateway, 1)
                    .run(source, "test", Map.of(), null);
        }
    }
}
