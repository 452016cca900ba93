package org.sdvp.models.vlm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.BackendException;
import org.sdvp.models.ToyWorld;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.train.SubTaskSet;

class VlmCheckpointTest {
    private static final SubTaskSet DATA = ToyWorld.data(8, 5);

    private static Path saved(Path dir) throws Exception {
        try (VlmModel vlm = TinyVlm.create(DATA, 9)) {
            vlm.save(
                    dir,
                    Provenance.of(
                            "test",
                            "general",
                            9,
                            Json.mapper().createObjectNode(),
                            DATA.sha256(),
                            DATA.size(),
                            Json.mapper().createObjectNode(),
                            Map.of("x", 1.0),
                            null));
        }
        return dir;
    }

    @Test
    void roundTripGivesTheSameAnswers(@TempDir Path tmp) throws Exception {
        List<java.awt.image.BufferedImage> imgs =
                DATA.vqa().stream().map(e -> e.image()).toList();
        List<String> qs = DATA.vqa().stream().map(e -> e.question()).toList();
        float[][] before;
        try (VlmModel vlm = TinyVlm.create(DATA, 9)) {
            before = vlm.vqaProbabilities(imgs, qs);
        }
        saved(tmp.resolve("ck"));
        try (VlmModel back = VlmModel.load(tmp.resolve("ck"), VlmConfig.tiny())) {
            float[][] after = back.vqaProbabilities(imgs, qs);
            for (int i = 0; i < before.length; i++) assertArrayEquals(before[i], after[i], 0f);
            assertEquals(9, back.provenance().seed());
            assertEquals(DATA.sha256(), back.provenance().dataSha256());
            assertTrue(Files.exists(tmp.resolve("ck/model.params")));
        }
    }

    @Test
    void missingFolderIsNamed(@TempDir Path tmp) {
        BackendException e = assertThrows(BackendException.class, () -> VlmModel.load(tmp.resolve("nope")));
        assertTrue(
                e.getMessage().contains("checkpoint folder not found")
                        && e.getMessage().contains("nope"),
                e.getMessage());
    }

    @Test
    void folderWithoutConfigIsNamed(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        BackendException e = assertThrows(BackendException.class, () -> VlmModel.load(tmp.resolve("empty")));
        assertTrue(e.getMessage().contains("has no config.json"), e.getMessage());
    }

    @Test
    void missingArchitectureFieldIsNamed(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp.resolve("ck"));
        ObjectNode root =
                (ObjectNode) Json.mapper().readTree(dir.resolve("config.json").toFile());
        ((ObjectNode) root.get("architecture")).remove("filmUnits");
        Json.write(dir.resolve("config.json"), root);
        BackendException e = assertThrows(BackendException.class, () -> VlmModel.load(dir));
        assertTrue(e.getMessage().contains("architecture lacks 'filmUnits'"), e.getMessage());
    }

    /** Checkpoints from before the bounded FiLM scale must not load silently with the new semantics. */
    @Test
    void checkpointWithoutFilmBoundIsRefusedByName(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp.resolve("ck"));
        ObjectNode root =
                (ObjectNode) Json.mapper().readTree(dir.resolve("config.json").toFile());
        ((ObjectNode) root.get("architecture")).remove("boundedFilm");
        Json.write(dir.resolve("config.json"), root);
        BackendException e = assertThrows(BackendException.class, () -> VlmModel.load(dir));
        assertTrue(e.getMessage().contains("architecture lacks 'boundedFilm'"), e.getMessage());
    }

    /** A checkpoint of the first student (FiLM heatmap grounding) is refused with what to do, not loaded. */
    @Test
    void studentV1CheckpointIsRefusedWithAClearMessage(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp.resolve("ck"));
        ObjectNode root =
                (ObjectNode) Json.mapper().readTree(dir.resolve("config.json").toFile());
        ObjectNode arch = (ObjectNode) root.get("architecture");
        arch.remove(List.of("locDilations", "embedDim", "groundedPooling"));
        Json.write(dir.resolve("config.json"), root);
        BackendException e = assertThrows(BackendException.class, () -> VlmModel.load(dir));
        assertTrue(e.getMessage().contains("student v1") && e.getMessage().contains("sdvp pretrain"), e.getMessage());
    }

    @Test
    void differentArchitectureListsEachDifference(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp.resolve("ck"));
        BackendException e = assertThrows(BackendException.class, () -> VlmModel.load(dir, VlmConfig.defaults()));
        assertTrue(
                e.getMessage().contains("architecture.channels: expected [32,64,96,96,96], found [8,16,16]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("architecture.cropSize: expected 64, found 32"), e.getMessage());
    }

    @Test
    void parametersThatDoNotFitTheConfigAreRefused(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp.resolve("ck"));
        ObjectNode root =
                (ObjectNode) Json.mapper().readTree(dir.resolve("config.json").toFile());
        ArrayNode ch = (ArrayNode) root.get("architecture").get("channels");
        ch.set(0, 12);
        Json.write(dir.resolve("config.json"), root);
        BackendException e = assertThrows(BackendException.class, () -> VlmModel.load(dir));
        assertTrue(e.getMessage().contains("parameters do not fit"), e.getMessage());
    }

    @Test
    void parameterFileFromAnotherCheckpointIsDetected(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp.resolve("ck"));
        Files.write(dir.resolve("model.params"), new byte[] {1, 2, 3});
        BackendException e = assertThrows(BackendException.class, () -> VlmModel.load(dir));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void teacherFolderIsNotAStudent(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp.resolve("ck"));
        ObjectNode root =
                (ObjectNode) Json.mapper().readTree(dir.resolve("config.json").toFile());
        root.put("kind", "teacher");
        Json.write(dir.resolve("config.json"), root);
        BackendException e = assertThrows(BackendException.class, () -> VlmModel.load(dir));
        assertTrue(e.getMessage().contains("holds a 'teacher' model, expected 'vlm'"), e.getMessage());
    }
}
