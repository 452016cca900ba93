package org.sdvp.data.nlvr2;

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
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Images;
import org.sdvp.core.value.BoolValue;
import org.sdvp.data.Fixtures;

class Nlvr2TaskTest {
    @TempDir
    Path tmp;

    private static List<Example> all(Path root, String split) throws Exception {
        List<Example> out = new ArrayList<>();
        try (ExampleSource s = Tasks.find("nlvr2").open(root, split)) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void rowsBecomeImagePairStatementsWithBooleanGoldAndNoProgram() throws Exception {
        List<Example> dev = all(Fixtures.NLVR2, "dev");
        assertEquals(4, dev.size());
        Example first = dev.get(0);
        assertEquals("dev-0-0-0", first.id());
        assertEquals("The left image contains a red square.", first.question());
        assertEquals(BoolValue.TRUE, first.gold().orElseThrow());
        assertEquals(BoolValue.FALSE, dev.get(1).gold().orElseThrow());
        assertTrue(first.program().isEmpty());
        assertEquals(Set.of("LEFT", "RIGHT"), first.images().keySet());
        assertEquals(
                Fixtures.NLVR2.resolve("images/dev/dev-0-0-img0.png"),
                first.images().get("LEFT"));
        assertEquals(
                Fixtures.NLVR2.resolve("images/dev/dev-0-0-img1.png"),
                first.images().get("RIGHT"));
        assertEquals("dev-0-0", first.meta().get("sentenceKey"));
        assertEquals("dev-0-0", dev.get(1).meta().get("sentenceKey"));
    }

    @Test
    void aJpegNamedPngIsDecodedByContent() throws Exception {
        Path left = all(Fixtures.NLVR2, "dev").get(1).images().get("LEFT");
        assertTrue(left.toString().endsWith("dev-0-1-img0.png"));
        byte[] head = Files.readAllBytes(left);
        assertEquals((byte) 0xFF, head[0]); // JPEG magic, not PNG
        assertEquals(96, Images.load(left).width());
    }

    @Test
    void trainImagesAreInTheirDirectorySubFolder() throws Exception {
        Example train = all(Fixtures.NLVR2, "train").get(0);
        assertEquals(
                Fixtures.NLVR2.resolve("images/train/7/train-5-0-img1.png"),
                train.images().get("RIGHT"));
        assertTrue(Files.isRegularFile(train.images().get("RIGHT")));
    }

    @Test
    void imageNamesReplaceTheSentenceIdWithImg0AndImg1() {
        Nlvr2Row row = new Nlvr2Row("test1-412-3-1", "s", "False", null, null, null, null, null, null);
        assertEquals("test1-412-3-img0.png", row.imageName(0));
        assertEquals("test1-412-3-img1.png", row.imageName(1));
        assertEquals("test1-412-1", row.sentenceKey());
    }

    @Test
    void anUnknownSplitListsTheFilesFound() {
        DataException e = assertThrows(DataException.class, () -> all(Fixtures.NLVR2, "test1"));
        assertEquals(
                "unknown NLVR2 split 'test1' under " + Fixtures.NLVR2 + "; splits found: dev, train", e.getMessage());
    }

    @Test
    void eachBadLineIsThatStatementsErrorWithItsLineAndReasonAndTheOthersAreRead() throws Exception {
        Path f = tmp.resolve("dev.json");
        Files.writeString(
                f,
                String.join(
                                "\n",
                                "{\"identifier\": \"dev-1-0-0\", \"sentence\": \"s\", \"label\": \"True\"}",
                                "{\"identifier\": \"dev-1-1-0\", \"sentence\": \"s\", \"label\": \"maybe\"}",
                                "{\"identifier\": \"dev-1-2-0\" \"label\": \"True\"}",
                                "{\"identifier\": \"dev-1-3-0\", \"sentence\": [\"s\"], \"label\": \"True\"}",
                                "{\"sentence\": \"s\", \"label\": \"True\"}",
                                "{\"identifier\": \"dev-1-5-0\", \"sentence\": \"s\", \"label\": \"False\"}",
                                "{\"identifier\": \"dev-1-6-0\", \"sente")
                        + "\n");
        List<Example> all = all(tmp, "dev");
        assertEquals(7, all.size());
        assertEquals(
                List.of("dev-1-0-0", "line 2", "line 3", "line 4", "line 5", "dev-1-5-0", "line 7"),
                all.stream().map(Example::id).toList());
        Map<String, DataException.Kind> kinds = new java.util.LinkedHashMap<>();
        for (Example e : all) e.problem().ifPresent(p -> kinds.put(e.id(), p.kind()));
        assertEquals(
                Map.of(
                        "line 2",
                        DataException.Kind.ABSURD_VALUE,
                        "line 3",
                        DataException.Kind.MALFORMED_JSON,
                        "line 4",
                        DataException.Kind.WRONG_FIELD_TYPE,
                        "line 5",
                        DataException.Kind.MISSING_FIELD,
                        "line 7",
                        DataException.Kind.MALFORMED_JSON),
                kinds);
        String label = all.get(1).problem().orElseThrow().getMessage();
        assertTrue(label.contains(f.toString()) && label.contains("line 2") && label.contains("label 'maybe'"), label);
        String cut = all.get(6).problem().orElseThrow().getMessage();
        assertTrue(cut.startsWith("invalid entry in " + f + " at line 7, column"), cut);
    }
}
