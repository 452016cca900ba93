package org.sdvp.data.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.ImageValue;
import org.sdvp.data.Fixtures;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.data.oracle.SceneOracle;

/** Scene graphs looked up through the byte-offset index are the ones reading the whole file gives. */
class GqaSceneIndexTest {
    private static final Path GRAPHS = Fixtures.GQA.resolve("val_sceneGraphs.json");

    @TempDir
    Path dir;

    @Test
    void everySceneAndTheRelationVocabularyMatchReadingTheWholeFile() throws Exception {
        Map<String, AnnotatedScene> whole = GqaSceneGraphs.read(GRAPHS).scenes();
        GqaSceneIndex index = new GqaSceneIndex(List.of(GRAPHS));
        assertEquals(whole.size(), index.size());
        for (Map.Entry<String, AnnotatedScene> e : whole.entrySet())
            assertEquals(e.getValue(), index.sceneOrNull(e.getKey()));
        assertNull(index.sceneOrNull("no-such-image.jpg"));
        assertNull(index.sceneOrNull("1.png"));
        // the vocabulary VQA reads questions by: same answers from both oracles
        SceneOracle fromMap = new SceneOracle(whole), fromIndex = index.oracle();
        ImageValue image = ImageValue.source("1.jpg", new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB));
        for (String q : List.of(
                "Is the man wearing a hat?",
                "Who is holding the umbrella?",
                "What is the man wearing?",
                "Is the man to the left or to the right of the car?",
                "What color is the car?")) {
            assertEquals(fromMap.answer(new VqaRequest(image, q)), fromIndex.answer(new VqaRequest(image, q)), q);
        }
    }

    @Test
    void theCacheOfConvertedScenesIsBounded() throws Exception {
        Path f = dir.resolve("many_sceneGraphs.json");
        StringBuilder json = new StringBuilder("{");
        int n = GqaSceneIndex.CACHED + 50;
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("\"s")
                    .append(i)
                    .append(
                            "\":{\"width\":10,\"height\":10,\"objects\":{\"o\":"
                                    + "{\"name\":\"cup\",\"x\":1,\"y\":1,\"w\":2,\"h\":2,\"attributes\":[],\"relations\":[]}}}");
        }
        Files.writeString(f, json.append("}"));
        GqaSceneIndex index = new GqaSceneIndex(List.of(f));
        for (int i = 0; i < n; i++)
            assertEquals("s" + i + ".jpg", index.sceneOrNull("s" + i + ".jpg").imageFile());
        assertEquals(GqaSceneIndex.CACHED, index.cached());
    }

    @Test
    void aGraphFileChangedUnderARunFailsTheQuestionNotTheRun() throws Exception {
        Path f = dir.resolve("val_sceneGraphs.json");
        Files.copy(GRAPHS, f);
        SceneOracle oracle = new GqaSceneIndex(List.of(f)).oracle();
        Files.writeString(f, "{}");
        ImageValue image = ImageValue.source("1.jpg", new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB));
        ModelServiceException e = assertThrows(
                ModelServiceException.class, () -> oracle.answer(new VqaRequest(image, "What color is the car?")));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }
}
