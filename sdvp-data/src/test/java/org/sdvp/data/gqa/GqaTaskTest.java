package org.sdvp.data.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Images;
import org.sdvp.core.value.TextValue;
import org.sdvp.data.Fixtures;

class GqaTaskTest {
    @TempDir
    Path tmp;

    private static List<Example> all(Path root, String split) throws Exception {
        List<Example> out = new ArrayList<>();
        try (GqaExampleSource s = new GqaTask().open(root, split)) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void theTaskIsInstalledUnderItsName() throws Exception {
        assertEquals(GqaTask.class, Tasks.find("gqa").getClass());
    }

    @Test
    void aBalancedSplitStreamsEveryQuestionWithProgramGoldTypeAndImage() throws Exception {
        try (GqaExampleSource s = new GqaTask().open(Fixtures.GQA, "val_balanced")) {
            assertEquals(32, s.size().orElseThrow());
            Example q01 = s.next();
            assertEquals("q01", q01.id());
            assertEquals("query/attr", q01.type());
            assertEquals("What color is the car?", q01.question());
            assertEquals(new TextValue("white"), q01.gold().orElseThrow());
            assertEquals(Fixtures.GQA.resolve("images/1.jpg"), q01.images().get("IMAGE"));
            assertEquals("converted", q01.meta().get("program"));
            assertEquals("queryAttr", q01.meta().get("detailed"));
            assertTrue(q01.program().orElseThrow().contains("LOC(image=IMAGE,object='car')"));
            assertEquals(640, Images.load(q01.images().get("IMAGE")).width());
        }
    }

    @Test
    void testSplitEntriesHaveNoAnswerNoProgramAndUnknownType() throws Exception {
        List<Example> test = all(Fixtures.GQA, "test_balanced");
        assertEquals(2, test.size());
        for (Example e : test) {
            assertTrue(e.gold().isEmpty());
            assertTrue(e.program().isEmpty());
            assertEquals("unknown", e.type());
        }
    }

    @Test
    void anUnknownSplitListsTheSplitsFound() {
        DataException e = assertThrows(DataException.class, () -> new GqaTask().open(Fixtures.GQA, "testdev_balanced"));
        assertEquals(
                "unknown GQA split 'testdev_balanced' under " + Fixtures.GQA
                        + "; splits found: test_balanced, val_all, val_balanced",
                e.getMessage());
    }

    @Test
    void malformedJsonIsADataExceptionAtOpenNamingFileAndPosition() throws Exception {
        Files.createDirectories(tmp.resolve("questions"));
        Path f = tmp.resolve("questions/val_balanced_questions.json");
        Files.writeString(
                f,
                "{\"q1\": {\"imageId\": \"1\", \"question\": \"Is it?\"},\n  \"q2\": {\"imageId\": \"1\" \"question\": \"x\"}}");
        DataException e = assertThrows(DataException.class, () -> new GqaTask().open(tmp, "val_balanced"));
        assertTrue(e.getMessage().startsWith("malformed JSON in " + f + " at line 2, column 25"), e.getMessage());
    }

    @Test
    void aBadEntryIsThatQuestionsErrorNamingFileEntryAndLineAndTheOthersAreRead() throws Exception {
        Files.createDirectories(tmp.resolve("questions"));
        Path f = tmp.resolve("questions/val_balanced_questions.json");
        Files.writeString(
                f,
                "{\"q1\": {\"imageId\": \"1\", \"question\": \"Is it?\"},\n"
                        + "  \"q2\": {\"imageId\": \"1\", \"question\": \"x\", \"semantic\": \"oops\"},\n"
                        + "  \"q3\": {\"imageId\": \"1\"},\n"
                        + "  \"q4\": {\"imageId\": \"2\", \"question\": \"Is it red?\"}}");
        java.util.List<org.sdvp.core.evaluation.Example> all = new java.util.ArrayList<>();
        try (var source = new GqaTask().open(tmp, "val_balanced")) {
            source.forEachRemaining(all::add);
        }
        assertEquals(
                java.util.List.of("q1", "q2", "q3", "q4"),
                all.stream().map(e -> e.id()).toList());
        assertTrue(all.get(0).problem().isEmpty() && all.get(3).problem().isEmpty());
        DataException wrongType = all.get(1).problem().orElseThrow();
        assertEquals(DataException.Kind.WRONG_FIELD_TYPE, wrongType.kind());
        assertTrue(
                wrongType.getMessage().startsWith("invalid entry in " + f + " at entry 'q2' (line 2)"),
                wrongType.getMessage());
        DataException missing = all.get(2).problem().orElseThrow();
        assertEquals(DataException.Kind.MISSING_FIELD, missing.kind());
        assertTrue(
                missing.getMessage().contains("entry 'q3' (line 3)")
                        && missing.getMessage().contains("'question'"),
                missing.getMessage());
    }

    @Test
    void aTruncatedQuestionsFileYieldsEveryCompleteEntryThenItsCutAsAnError() throws Exception {
        Files.createDirectories(tmp.resolve("questions"));
        Path f = tmp.resolve("questions/val_balanced_questions.json");
        String whole = "{\"q1\": {\"imageId\": \"1\", \"question\": \"Is it?\"},\n"
                + "  \"q2\": {\"imageId\": \"1\", \"question\": \"x\", \"semantic\": \"oops\"},\n"
                + "  \"q3\": {\"imageId\": \"2\", \"question\": \"Is it red?\"}}";
        Files.writeString(f, whole.substring(0, whole.indexOf("red?")));
        List<Example> all;
        try (GqaExampleSource s = new GqaTask().open(tmp, "val_balanced")) {
            assertEquals(3, s.size().orElseThrow());
            all = new ArrayList<>();
            s.forEachRemaining(all::add);
        }
        assertEquals(List.of("q1", "q2", "q3"), all.stream().map(Example::id).toList());
        assertTrue(all.get(0).problem().isEmpty());
        assertEquals(
                DataException.Kind.WRONG_FIELD_TYPE,
                all.get(1).problem().orElseThrow().kind());
        DataException cut = all.get(2).problem().orElseThrow();
        assertEquals(DataException.Kind.TRUNCATED_JSON, cut.kind());
        assertTrue(
                cut.getMessage().startsWith("truncated JSON in " + f + " at line 3, column ")
                        && cut.getMessage().contains("the file ends inside entry 'q3', after 2 complete entries"),
                cut.getMessage());
    }

    @Test
    void aTruncatedPartOfTrainAllCostsOnlyItsCutAndTheNextPartIsRead() throws Exception {
        trainAllWithAPartCutInsideItsSecondEntry();
        List<Example> all = all(tmp, "train_all");
        assertEquals(List.of("a", "b", "c"), all.stream().map(Example::id).toList());
        assertEquals(
                DataException.Kind.TRUNCATED_JSON,
                all.get(1).problem().orElseThrow().kind());
        assertTrue(all.get(2).problem().isEmpty());
    }

    @Test
    void aSplitWithATruncatedFileHasNoPositionsAndSkipsTokenByTokenOverItsCut() throws Exception {
        trainAllWithAPartCutInsideItsSecondEntry();
        try (GqaExampleSource s = new GqaTask().open(tmp, "train_all")) {
            assertTrue(s.position().isEmpty(), "Spark partitions read such a split from its start");
            assertEquals(2, s.skip(2), "the complete entry and the cut");
            assertEquals("c", s.next().id());
            assertTrue(!s.hasNext());
        }
    }

    /** train_all in two parts: "a" and the cut inside "b" in the first, "c" in the second. */
    private void trainAllWithAPartCutInsideItsSecondEntry() throws Exception {
        Path parts = Files.createDirectories(tmp.resolve("questions/train_all_questions"));
        Files.writeString(
                parts.resolve("train_all_questions_1.json"),
                "{\"a\": {\"imageId\": \"1\", \"question\": \"A?\", \"answer\": \"a\"}, \"b\": {\"imageId\": \"2\"");
        Files.writeString(
                parts.resolve("train_all_questions_2.json"),
                "{\"c\": {\"imageId\": \"3\", \"question\": \"C?\", \"answer\": \"c\"}}");
    }

    @Test
    void trainAllIsReadFromItsNumberedParts() throws Exception {
        Path parts = Files.createDirectories(tmp.resolve("questions/train_all_questions"));
        Files.writeString(
                parts.resolve("train_all_questions_10.json"),
                "{\"c\": {\"imageId\": \"3\", \"question\": \"C?\", \"answer\": \"c\"}}");
        Files.writeString(
                parts.resolve("train_all_questions_2.json"),
                "{\"a\": {\"imageId\": \"1\", \"question\": \"A?\", \"answer\": \"a\"},"
                        + "\"b\": {\"imageId\": \"2\", \"question\": \"B?\", \"answer\": \"b\"}}");
        List<Example> all = all(tmp, "train_all");
        assertEquals(List.of("a", "b", "c"), all.stream().map(Example::id).toList());
        assertFalse(all.get(0).program().isPresent());
        assertTrue(new GqaLayout(tmp).splits().contains("train_all"));
    }

    private static List<String> ids(GqaExampleSource s) {
        List<String> out = new ArrayList<>();
        s.forEachRemaining(e -> out.add(e.id()));
        return out;
    }

    @Test
    void aSplitOpensAtAPositionASourceReportedWithoutReadingTheQuestionsBefore() throws Exception {
        Path parts = Files.createDirectories(tmp.resolve("questions/train_all_questions"));
        Files.writeString(
                parts.resolve("train_all_questions_1.json"),
                "{\"a\": {\"imageId\": \"1\", \"question\": \"A?\"},\n\"b\": {\"imageId\": \"2\", \"question\": \"B?\"}}");
        Files.writeString(parts.resolve("train_all_questions_2.json"), "{}");
        Files.writeString(
                parts.resolve("train_all_questions_3.json"),
                "{\"c\": {\"imageId\": \"3\", \"question\": \"C?\"}, \"d\": {\"imageId\": \"4\"}}");
        GqaTask task = new GqaTask();
        List<String> all = ids(task.open(tmp, "train_all"));
        assertEquals(List.of("a", "b", "c", "d"), all);
        for (int k = 0; k <= 4; k++) {
            String position;
            try (GqaExampleSource s = task.open(tmp, "train_all")) {
                assertEquals(k, s.skip(k));
                position = s.position().orElseThrow();
            }
            try (GqaExampleSource rest = task.open(tmp, "train_all", position)) {
                assertEquals(4 - k, rest.size().orElseThrow());
                List<Example> read = new ArrayList<>();
                rest.forEachRemaining(read::add);
                assertEquals(all.subList(k, 4), read.stream().map(Example::id).toList(), "from " + k);
                if (k == 3) {
                    // the entry's error is the one a full read gives (file, entry, line)
                    assertTrue(
                            read.get(0).problem().orElseThrow().getMessage().contains("entry 'd' (line 1)"),
                            read.get(0).problem().orElseThrow().getMessage());
                }
            }
        }
        try (GqaExampleSource s = task.open(tmp, "train_all")) {
            assertEquals(4, s.skip(9), "skipping stops at the end of the split");
            assertFalse(s.hasNext());
        }
    }

    @Test
    void skippingALongWaySeeksThroughTheIndexAcrossFiles() throws Exception {
        Path parts = Files.createDirectories(tmp.resolve("questions/train_all_questions"));
        for (int f = 1; f <= 2; f++) {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < 1500; i++) {
                b.append(i == 0 ? "" : ",\n").append(String.format("\"f%dq%04d\": ", f, i));
                b.append("{\"imageId\": \"1\", \"question\": \"Q?\"}");
            }
            Files.writeString(
                    parts.resolve("train_all_questions_" + f + ".json"),
                    b.append('}').toString());
        }
        GqaTask task = new GqaTask();
        List<String> all = ids(task.open(tmp, "train_all"));
        for (int k : List.of(1024, 1499, 1500, 2600, 2999)) {
            try (GqaExampleSource s = task.open(tmp, "train_all")) {
                s.next(); // from the second question on
                assertEquals(k, s.skip(k));
                String position = s.position().orElseThrow();
                assertEquals(all.subList(k + 1, 3000), ids(s), "skip " + k);
                assertEquals(all.subList(k + 1, 3000), ids(task.open(tmp, "train_all", position)));
            }
        }
        try (GqaExampleSource s = task.open(tmp, "train_all")) {
            assertEquals(3000, s.skip(5000));
            assertFalse(s.hasNext());
            assertEquals(0, s.skip(5000));
        }
    }

    @Test
    void aPositionInAFileThatChangedIsRefused() throws Exception {
        Files.createDirectories(tmp.resolve("questions"));
        Path f = tmp.resolve("questions/val_balanced_questions.json");
        Files.copy(Fixtures.GQA.resolve("questions/val_balanced_questions.json"), f);
        String position;
        try (GqaExampleSource s = new GqaTask().open(tmp, "val_balanced")) {
            s.skip(5);
            position = s.position().orElseThrow();
        }
        Files.writeString(f, Files.readString(f) + "\n");
        DataException e = assertThrows(DataException.class, () -> new GqaTask().open(tmp, "val_balanced", position));
        assertTrue(e.getMessage().contains("changed since it was indexed"), e.getMessage());
        DataException bad = assertThrows(DataException.class, () -> new GqaTask().open(tmp, "val_balanced", "{}"));
        assertTrue(bad.getMessage().startsWith("not a position in this split"), bad.getMessage());
    }

    @Test
    void sceneGraphsAreFoundAtTheRootOrInTheirZipsFolder() throws Exception {
        Files.createDirectories(tmp.resolve("sceneGraphs"));
        Files.writeString(tmp.resolve("sceneGraphs/val_sceneGraphs.json"), "{}");
        Files.writeString(tmp.resolve("train_sceneGraphs.json"), "{}");
        GqaLayout layout = new GqaLayout(tmp);
        assertEquals(2, layout.sceneGraphFiles().size());
        assertEquals(
                tmp.resolve("sceneGraphs/val_sceneGraphs.json"),
                layout.sceneGraphFile("val_balanced").orElseThrow());
        assertTrue(layout.sceneGraphFile("testdev_balanced").isEmpty());
    }

    @Test
    void theFixtureFallbackRateIsCounted() throws Exception {
        try (GqaExampleSource s = new GqaTask().open(Fixtures.GQA, "val_balanced")) {
            List<String> fallbacks = new ArrayList<>();
            s.forEachRemaining(e -> {
                if ("fallback".equals(e.meta().get("program"))) fallbacks.add(e.id());
            });
            assertEquals(List.of("q23", "q24"), fallbacks);
            assertEquals(2, s.stats().fallbacks());
            assertEquals(2.0 / 32, s.stats().fallbackRate(), 1e-12);
        }
    }
}
