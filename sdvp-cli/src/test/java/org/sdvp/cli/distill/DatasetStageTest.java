package org.sdvp.cli.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.io.Json;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.data.WorldLexicon;
import org.sdvp.models.teacher.TeacherConfig;
import org.sdvp.models.teacher.TeacherModel;
import org.sdvp.models.text.Vocabulary;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.models.vlm.VlmConfig;
import org.sdvp.models.vlm.VlmModel;

/**
 * The world student's SDVP stage on real datasets' folders, as a user runs it: {@code distill --dataset D --root DIR
 * --split S} collects, labels and distils there; {@code --replay-dataset/--replay-root} replays a general folder of
 * the user's instead of the world's scenes; {@code --teacher} takes any backend chain (a dataset's oracle, an own
 * model), whose answers the student cannot name are counted. Bad input stops before anything is written.
 */
class DatasetStageTest {
    static final Path FIXTURES = OwnStudentDatasetTest.FIXTURES;
    static final Path OWN = OwnStudentDatasetTest.OWN;

    @TempDir
    static Path models;

    @TempDir
    Path dir;

    static Path student, teacher;

    @BeforeAll
    static void tinyModels() throws Exception {
        // tiny untrained models: the stage's wiring is under test, not the labels' quality
        Provenance made = Provenance.of("test", "gqa-sim", 1, null, "", 0, null, Map.of(), null);
        teacher = models.resolve("teacher");
        try (TeacherModel t = TeacherModel.create(TeacherConfig.tiny(), "gqa-sim", 3)) {
            t.save(teacher, made);
        }
        student = models.resolve("student");
        try (VlmModel s = VlmModel.create(
                VlmConfig.tiny(), Vocabulary.build(WorldLexicon.words(), 1), Pretrainer.answerVocabulary(), 11)) {
            s.save(student, made);
        }
    }

    /** {@code distill} of the tiny student with a quick training: 2 steps, no filter, no recalibration. */
    private static CliRunner.Result distill(String... args) {
        List<String> all = new ArrayList<>(List.of("distill", "--student", student.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--steps", "2", "--no-filter", "--set", "recalibrate=false"));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private static int printed(String out, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(out);
        assertTrue(m.find(), pattern + " in " + out);
        return Integer.parseInt(m.group(1));
    }

    private static JsonNode json(Path file) throws Exception {
        return Json.mapper().readTree(file.toFile());
    }

    @Test
    void aClevrStageReplaysTheUsersGqaFolderInsteadOfTheWorld() throws Exception {
        Path out = dir.resolve("clevr");
        var r = distill(
                "--dataset",
                "clevr",
                "--root",
                FIXTURES.resolve("clevr").toString(),
                "--split",
                "val",
                "--teacher",
                teacher.toString(),
                "--replay-dataset",
                "gqa",
                "--replay-root",
                FIXTURES.resolve("gqa").toString(),
                "--replay-split",
                "val_balanced",
                "--replay-questions",
                "6",
                "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(CallsFile.read(out.resolve("calls.jsonl")).isEmpty(), "the CLEVR programs' calls");
        var replayCalls = CallsFile.read(out.resolve("replay-calls.jsonl"));
        assertFalse(replayCalls.isEmpty(), "the GQA folder's calls, made by the student");
        assertTrue(replayCalls.stream().allMatch(c -> c.backend().startsWith("vlm:")), "the previous student drove");
        assertTrue(printed(r.out(), "replay targets: (\\d+)") > 0, r.out());
        JsonNode stage = json(out.resolve("stage.json"));
        assertEquals("clevr", stage.get("task").asText());
        JsonNode recipe = json(out.resolve("student/config.json")).at("/provenance/recipe");
        assertEquals("val", recipe.get("split").asText(), recipe.toString());
        assertEquals(0, recipe.get("replayScenes").asInt(), "a general folder replaces the world's scenes");
        assertEquals("gqa", recipe.at("/replayFolder/dataset").asText(), recipe.toString());
        assertEquals("val_balanced", recipe.at("/replayFolder/split").asText());
        assertEquals(6, recipe.at("/replayFolder/questions").asInt());
    }

    @Test
    void aGqaStageWithItsOracleAsTeacherCountsTheAnswersTheWorldStudentCannotName() throws Exception {
        Path out = dir.resolve("gqa");
        var r = distill(
                "--dataset",
                "gqa",
                "--root",
                FIXTURES.resolve("gqa").toString(),
                "--split",
                "val_balanced",
                "--teacher",
                "gqa-oracle",
                "--replay-scenes",
                "0",
                "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("teacher answers the student cannot name"), r.out());
        JsonNode unmapped = json(out.resolve("stage.json")).at("/labels/unmappedAnswers");
        assertTrue(unmapped.size() > 0, unmapped.toString());
        assertTrue(unmapped.has("umbrella") || unmapped.has("cup"), "GQA's open answers: " + unmapped);
        assertFalse(unmapped.has("yes"), "a shared answer maps: " + unmapped);
        assertTrue(printed(r.out(), "VQA \\d+ calls → (\\d+) labels") > 0, "yes/no and colours map: " + r.out());
        assertEquals(
                "gqa-oracle",
                json(out.resolve("student/config.json"))
                        .at("/provenance/recipe/teacher")
                        .asText());
    }

    @Test
    void anOwnModelChainTeachesTheWorldStudent() throws Exception {
        Path world = dir.resolve("world");
        assertEquals(0, CliRunner.generate("gqa-sim", "train", 8, 3, world).exitCode());
        String chain = "torchscript:" + OWN.resolve("vqa-torchscript") + ",oracle";
        Path out = dir.resolve("own-teacher");
        var r = distill(
                "--task",
                "gqa-sim",
                "--data",
                world.toString(),
                "--questions",
                "8",
                "--teacher",
                chain,
                "--replay-scenes",
                "0",
                "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(printed(r.out(), "VQA \\d+ calls → (\\d+) labels") > 0, r.out());
        var calls = CallsFile.read(out.resolve("calls.jsonl"));
        assertTrue(
                calls.stream()
                        .anyMatch(c -> c.kind().equals("VQA") && c.backend().startsWith("torchscript:")),
                "the chain drove the collection");
        assertEquals(
                chain,
                json(out.resolve("student/config.json"))
                        .at("/provenance/recipe/teacher")
                        .asText());
    }

    @Test
    void badInputStopsTheStageBeforeItWritesAnything() throws Exception {
        Path broken = dir.resolve("broken-vqa");
        copy(OWN.resolve("vqa-torchscript"), broken);
        Files.writeString(broken.resolve("answers.json"), "[\"yes\", \"no\"]");
        Path noVocabulary = dir.resolve("no-answers");
        copy(OWN.resolve("vqa-torchscript"), noVocabulary);
        Files.delete(noVocabulary.resolve("answers.json"));
        Path noTokenizer = dir.resolve("no-tokenizer");
        copy(OWN.resolve("vqa-torchscript"), noTokenizer);
        Files.delete(noTokenizer.resolve("tokenizer.json"));
        Path out = dir.resolve("o");
        String clevr = FIXTURES.resolve("clevr").toString(),
                gqa = FIXTURES.resolve("gqa").toString();
        // each case: the arguments after "--dataset clevr --root CLEVR --split val" (or all of them, for the
        // first two), then what the error must say
        String[][] cases = {
            {"--dataset", "clevr", "--teacher", teacher.toString(), "needs --root DIR"},
            {"--dataset", "clevr", "--root", clevr, "--split", "nosuch", "--teacher", teacher.toString(), "nosuch"},
            clevrVal(
                    "--teacher",
                    "nosuch:x",
                    "neither a checkpoint folder nor a --modules chain (unknown backend 'nosuch'"),
            clevrVal("--teacher", "torchscript:" + broken + ",oracle", "output 'logits'"),
            clevrVal(
                    "--teacher",
                    "torchscript:" + noVocabulary,
                    noVocabulary.resolve("answers.json").toString()),
            clevrVal(
                    "--teacher",
                    "torchscript:" + noTokenizer,
                    noTokenizer.resolve("tokenizer.json").toString()),
            clevrVal("--teacher", teacher.toString(), "--replay-dataset", "gqa", "go together"),
            clevrVal(
                    "--teacher",
                    teacher.toString(),
                    "--replay-dataset",
                    "gqa",
                    "--replay-root",
                    gqa,
                    "--replay-split",
                    "nosuch",
                    "--replay-root"),
            clevrVal("--teacher", "gqa-oracle", "--spark", "local[1]", "--teacher chain labels in this JVM"),
        };
        for (String[] c : cases) {
            String expected = c[c.length - 1];
            List<String> args = new ArrayList<>(List.of(c).subList(0, c.length - 1));
            args.addAll(List.of("--out", out.toString()));
            var r = distill(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), args + ": " + r.err());
            assertTrue(r.err().contains(expected), expected + " in " + r.err());
            assertFalse(Files.exists(out), args + " wrote " + out);
        }
    }

    private static String[] clevrVal(String... rest) {
        List<String> all = new ArrayList<>(List.of(
                "--dataset", "clevr", "--root", FIXTURES.resolve("clevr").toString(), "--split", "val"));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var s = Files.list(from)) {
            for (Path f : s.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
