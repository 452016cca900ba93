package org.sdvp.world.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.DataException;
import org.sdvp.world.scene.SceneGenerator;

class WorldTaskTest {
    @TempDir
    Path dir;

    private final WorldTask task = new WorldTask(WorldTaskSpec.get("count-sim"));

    @BeforeEach
    void generate() throws Exception {
        new DatasetGenerator()
                .generate(
                        new DatasetGenerator.Request(
                                task.spec(),
                                "test",
                                6,
                                1,
                                "studio",
                                dir.resolve("test"),
                                SceneGenerator.Config.defaults()),
                        n -> {});
    }

    @Test
    void theTasksAreInstalledThroughTheServiceLoader() {
        assertTrue(
                Tasks.installed().keySet().containsAll(WorldTaskSpec.names()),
                Tasks.installed().keySet().toString());
    }

    @Test
    void opensASplitWithProgramsAndGoldAnswers() throws Exception {
        List<Example> all = task.read(dir.resolve("test"), dir.resolve("test/questions.json"));
        assertEquals(6, all.size());
        Example e = all.get(0);
        assertTrue(e.program().orElseThrow().contains("COUNT(box="), e.program().get());
        assertTrue(Files.isRegularFile(e.images().get("IMAGE")));
        assertTrue(e.gold().isPresent());
    }

    @Test
    void aMissingSplitNamesTheSplitsFound() {
        DataException e = assertThrows(DataException.class, () -> task.open(dir, "train"));
        assertTrue(e.getMessage().contains("splits found: test"), e.getMessage());
    }

    @Test
    void corruptJsonIsReportedWithFileLineAndColumn() throws Exception {
        Path q = dir.resolve("test/questions.json");
        Files.writeString(q, "{\"questions\": [\n  {\"question\": \"How many\",, }\n]}");
        DataException e = assertThrows(DataException.class, () -> task.open(dir, "test"));
        assertTrue(e.getMessage().contains(q.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
    }

    @Test
    void aTruncatedQuestionsFileGivesEveryCompleteQuestionThenItsCutAsOneError() throws Exception {
        Path q = dir.resolve("test/questions.json");
        String whole = Files.readString(q);
        // cut inside the fifth of six questions, as a kill mid-copy leaves it
        int fifth = nthIndexOf(whole, "\"question\":", 5);
        Files.writeString(q, whole.substring(0, fifth + 20));
        List<Example> all = new java.util.ArrayList<>();
        try (var source = task.open(dir, "test")) {
            source.forEachRemaining(all::add);
        }
        assertEquals(5, all.size());
        assertTrue(all.subList(0, 4).stream().allMatch(e -> e.problem().isEmpty()));
        Example cut = all.get(4);
        assertEquals("questions[4]", cut.id());
        DataException error = cut.problem().orElseThrow();
        assertEquals(DataException.Kind.TRUNCATED_JSON, error.kind());
        assertTrue(error.getMessage().contains(q.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("after 4 complete"), error.getMessage());
    }

    private static int nthIndexOf(String s, String part, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) at = s.indexOf(part, at + 1);
        return at;
    }

    @Test
    void entriesBreakingTheSchemaBecomeInvalidExamplesWithTheirReason() throws Exception {
        Path q = dir.resolve("test/questions.json");
        String ok = "{\"question\": \"How many cubes are there?\", \"answer\": \"1\", \"image_filename\": \"a.png\","
                + " \"program\": [{\"type\": \"scene\", \"inputs\": []}, {\"type\": \"count\", \"inputs\": [0]}]}";
        Files.writeString(
                q,
                "{\"questions\": [{\"question\": \"x\", \"answer\": \"1\", \"image_filename\": \"a.png\","
                        + " \"program\": [{\"function\": \"count\", \"inputs\": [3]}]}, " + ok + ","
                        + " {\"question\": [1], \"image_filename\": \"a.png\"}, {\"question_index\": 1e40}, {\"answer\": \"1\"}, "
                        + ok + ", {\"x\": " + "[".repeat(300) + "]".repeat(300) + "}]}");
        List<Example> all = task.read(dir.resolve("test"), q);
        assertEquals(
                List.of("questions[0]", "q1", "questions[2]", "questions[3]", "questions[4]", "q5", "questions[6]"),
                all.stream().map(Example::id).toList());
        assertEquals(
                List.of("ABSURD_VALUE", "", "WRONG_FIELD_TYPE", "ABSURD_VALUE", "MISSING_FIELD", "", "NESTED_TOO_DEEP"),
                all.stream()
                        .map(e -> e.problem().map(p -> p.kind().name()).orElse(""))
                        .toList());
        assertTrue(all.get(0).problem().orElseThrow().getMessage().contains(q + " at questions[0]"));
    }

    @Test
    void clevrsTypeKeyIsAcceptedForFunction() throws Exception {
        Path q = dir.resolve("test/questions.json");
        Files.writeString(
                q,
                "{\"questions\": [{\"question\": \"How many cubes are there?\", \"answer\": \"1\","
                        + " \"image_filename\": \"a.png\", \"program\": [{\"type\": \"scene\", \"inputs\": [], \"value_inputs\": []},"
                        + " {\"type\": \"filter_shape\", \"inputs\": [0], \"value_inputs\": [\"cube\"]},"
                        + " {\"type\": \"count\", \"inputs\": [1], \"value_inputs\": []}]}]}");
        Example e = task.read(dir.resolve("test"), q).get(0);
        assertEquals(
                "BOX0=LOC(image=IMAGE,object='cube')\nANSWER0=COUNT(box=BOX0)\nFINAL_RESULT=RESULT(var=ANSWER0)\n",
                e.program().orElseThrow());
    }

    @Test
    void aBadJsonLineIsReportedWithItsOwnLineNumber() throws Exception {
        WorldTask pairs = new WorldTask(WorldTaskSpec.get("nlvr-sim"));
        Path q = dir.resolve("p/questions.jsonl");
        Files.createDirectories(q.getParent());
        Files.writeString(q, "{}\n{}\n{\"identifier\": tru}\n{\"x\": " + "[".repeat(5000) + "\n");
        List<Example> all = pairs.read(q.getParent(), q);
        assertEquals(4, all.size());
        DataException e = all.get(2).problem().orElseThrow();
        assertEquals(DataException.Kind.MALFORMED_JSON, e.kind());
        assertTrue(e.getMessage().contains(q + " at line 3, column"), e.getMessage());
        assertEquals(
                DataException.Kind.MISSING_FIELD,
                all.get(0).problem().orElseThrow().kind());
        assertEquals(
                DataException.Kind.NESTED_TOO_DEEP,
                all.get(3).problem().orElseThrow().kind());
    }

    @Test
    void nlvrSentencesAreSharedByConsecutivePairs() throws Exception {
        WorldTask pairs = new WorldTask(WorldTaskSpec.get("nlvr-sim"));
        new DatasetGenerator()
                .generate(
                        new DatasetGenerator.Request(
                                pairs.spec(),
                                "dev",
                                6,
                                2,
                                "clutter",
                                dir.resolve("dev"),
                                SceneGenerator.Config.defaults()),
                        n -> {});
        List<Example> all = pairs.read(dir.resolve("dev"), dir.resolve("dev/questions.jsonl"));
        assertEquals(
                List.of("dev-0-0-0", "dev-0-1-0", "dev-1-0-0"),
                all.subList(0, 3).stream().map(Example::id).toList());
        assertEquals(all.get(0).question(), all.get(1).question());
        assertEquals(all.get(0).meta().get("sentence_id"), all.get(1).meta().get("sentence_id"));
        assertTrue(!all.get(0).images().get("LEFT").equals(all.get(1).images().get("LEFT")));
    }
}
