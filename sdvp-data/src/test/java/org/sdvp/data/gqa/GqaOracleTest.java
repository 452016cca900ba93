package org.sdvp.data.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.data.Fixtures;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.data.oracle.SceneOracle;

/** The scene-graph oracle on the fixture's image 1 (man, car, hat, umbrella, table, cup, dog). */
class GqaOracleTest {
    private static SceneOracle oracle;
    private static final ImageValue IMAGE_1 =
            ImageValue.source("1.jpg", new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB));

    @BeforeAll
    static void load() throws Exception {
        Map<String, AnnotatedScene> scenes = GqaSceneGraphs.read(Fixtures.GQA.resolve("val_sceneGraphs.json"))
                .scenes();
        assertEquals(2, scenes.size());
        oracle = new SceneOracle(scenes);
    }

    private static String ask(ImageValue image, String q) throws ModelServiceException {
        return oracle.answer(new VqaRequest(image, q)).answer();
    }

    @Test
    void locFindsObjectsByNameAttributesAndCategoryInImageCoordinates() throws Exception {
        assertEquals(
                List.of(new Detection(new Box(380, 250, 580, 370), "white car", 1.0)),
                oracle.locate(new LocRequest(IMAGE_1, "white car")));
        assertEquals(1, oracle.locate(new LocRequest(IMAGE_1, "vehicle")).size());
        assertEquals(0, oracle.locate(new LocRequest(IMAGE_1, "black car")).size());
        assertEquals(1, oracle.locate(new LocRequest(IMAGE_1, "male person")).size());
        assertEquals(0, oracle.locate(new LocRequest(IMAGE_1, "female person")).size());
        // small things: hat, table, cup, dog; "not black" removes the dog; largest first
        assertEquals(
                List.of(new Box(250, 380, 370, 460), new Box(115, 120, 165, 155), new Box(290, 355, 320, 385)),
                oracle.locate(new LocRequest(IMAGE_1, "not black small thing")).stream()
                        .map(Detection::box)
                        .toList());
    }

    @Test
    void locInACropSeesOnlyObjectsCentredThereAndAnswersInCropCoordinates() throws Exception {
        ImageValue right = IMAGE_1.crop(new Box(300, 200, 640, 480));
        List<Detection> cars = oracle.locate(new LocRequest(right, "car"));
        assertEquals(
                List.of(new Box(80, 50, 280, 170)),
                cars.stream().map(Detection::box).toList());
        assertTrue(oracle.locate(new LocRequest(right, "man")).isEmpty());
    }

    @Test
    void vqaAnswersEveryForm() throws Exception {
        ImageValue aroundMan = IMAGE_1.crop(new Box(80, 100, 200, 420));
        assertEquals("man", ask(aroundMan, "What is the person?"));
        assertEquals("umbrella", ask(aroundMan, "What is the man holding?"));
        assertEquals("hat", ask(aroundMan, "What is the man wearing?"));
        assertEquals("yes", ask(aroundMan, "Is the man standing?"));
        assertEquals("no", ask(aroundMan, "Is the man sitting?"));
        assertEquals("yes", ask(aroundMan, "Is the man wearing a hat?"));
        assertEquals("no", ask(aroundMan, "Is the man wearing a scarf?"));
        assertEquals("white", ask(IMAGE_1, "What color is the car?"));
        assertEquals("metal", ask(IMAGE_1, "What material is the car?"));
        assertEquals("cup", ask(IMAGE_1, "What is on the table?"));
        assertEquals("yes", ask(IMAGE_1, "Is there a cup on the table?"));
        assertEquals("white", ask(IMAGE_1, "Is the car white or black?"));
        assertEquals("right", ask(IMAGE_1, "Which side of the image is the car on?"));
        assertEquals("bottom", ask(IMAGE_1, "Which part of the image is the table in?"));
        assertEquals("yes", ask(IMAGE_1, "Is the man on the left of the image?"));
        assertEquals("top", ask(IMAGE_1, "Is the umbrella on the top or on the bottom of the image?"));
        assertEquals("left", ask(IMAGE_1, "Is the man to the left of or to the right of the car?"));
        assertEquals("unknown", ask(IMAGE_1, "Which place is it?"));
        assertEquals("unknown", ask(IMAGE_1, "What shape is the car?"));
    }

    @Test
    void relativePhrasesNameObjectsThroughTheirRelations() throws Exception {
        assertEquals("cup", ask(IMAGE_1, "What is the white thing on the table?"));
        assertEquals("blue", ask(IMAGE_1, "What color is the thing that the man is holding?"));
        assertEquals("no", ask(IMAGE_1, "Is the thing that the man is wearing blue?"));
        assertEquals(
                List.of(new Box(290, 355, 320, 385)),
                oracle.locate(new LocRequest(IMAGE_1, "thing on the table")).stream()
                        .map(Detection::box)
                        .toList());
        assertTrue(oracle.locate(new LocRequest(IMAGE_1, "black thing on the table"))
                .isEmpty());
        // the hat is the one thing on the man
        assertEquals(
                1, oracle.locate(new LocRequest(IMAGE_1, "thing on the man")).size());
    }

    @Test
    void matchPrefersTheObjectTheCropIsAround() throws Exception {
        ImageValue aroundCar = IMAGE_1.crop(new Box(330, 220, 630, 400));
        assertTrue(oracle.match(new MatchRequest(aroundCar, "white car")) > 0.4);
        assertEquals(0.0, oracle.match(new MatchRequest(aroundCar, "red car")));
        assertTrue(oracle.match(new MatchRequest(aroundCar, "white"))
                > oracle.match(new MatchRequest(aroundCar, "black")));
    }

    @Test
    void aBadSceneGraphEntryFailsOnlyTheQuestionsOnItsImageNamingFileAndEntry(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path f = tmp.resolve("val_sceneGraphs.json");
        java.nio.file.Files.writeString(
                f,
                "{\"1\": {\"width\": 100, \"height\": 80, \"objects\": {\"1\": {\"name\": \"car\", "
                        + "\"x\": 10, \"y\": 10, \"w\": 20, \"h\": 20, \"attributes\": [], \"relations\": []}}},\n"
                        + " \"2\": {\"width\": 100, \"height\": 80, \"objects\": [\"not\", \"a\", \"map\"]}}");
        org.sdvp.data.oracle.Annotations read = GqaSceneGraphs.read(f);
        assertEquals(java.util.Set.of("1.jpg"), read.scenes().keySet());
        SceneOracle withBad = read.oracle("gqa-oracle");
        BufferedImage pixels = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        assertEquals(
                1,
                withBad.locate(new LocRequest(ImageValue.source("1.jpg", pixels), "car"))
                        .size());
        ModelServiceException e = assertThrows(
                ModelServiceException.class,
                () -> withBad.locate(new LocRequest(ImageValue.source("2.jpg", pixels), "car")));
        assertTrue(
                e.getMessage().contains("'2.jpg' are invalid") && e.getMessage().contains(f + " at entry '2' (line 2)"),
                e.getMessage());
        // the question is counted by the entry's data reason, not as a failed step
        assertEquals(java.util.Optional.of("wrong-field-type"), e.reason());
        // the same through the byte-offset index gqa-oracle reads from
        SceneOracle indexed = new GqaSceneIndex(List.of(f)).oracle();
        ModelServiceException viaIndex = assertThrows(
                ModelServiceException.class,
                () -> indexed.locate(new LocRequest(ImageValue.source("2.jpg", pixels), "car")));
        assertEquals(java.util.Optional.of("wrong-field-type"), viaIndex.reason());
        assertTrue(viaIndex.getMessage().contains(f + " at line 2"), viaIndex.getMessage());
    }

    @Test
    void aTruncatedSceneGraphFileServesItsCompleteGraphsAndCountsTheRestByTheCut(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path f = tmp.resolve("val_sceneGraphs.json");
        String graph = "{\"width\": 100, \"height\": 80, \"objects\": {\"1\": {\"name\": \"car\", "
                + "\"x\": 10, \"y\": 10, \"w\": 20, \"h\": 20, \"attributes\": [], \"relations\": []}}}";
        String whole = "{\"1\": " + graph + ",\n \"2\": " + graph + ",\n \"3\": " + graph + "}";
        // cut inside image 2's graph, as a copy interrupted there leaves it
        java.nio.file.Files.writeString(f, whole.substring(0, whole.indexOf("\"2\"") + 40));
        BufferedImage pixels = new BufferedImage(100, 80, BufferedImage.TYPE_INT_RGB);
        org.sdvp.data.oracle.Annotations read = GqaSceneGraphs.read(f);
        assertEquals(java.util.Set.of("1.jpg"), read.scenes().keySet());
        for (SceneOracle o : List.of(read.oracle("gqa-oracle"), new GqaSceneIndex(List.of(f)).oracle())) {
            assertEquals(
                    1,
                    o.locate(new LocRequest(ImageValue.source("1.jpg", pixels), "car"))
                            .size());
            for (String lost : List.of("2.jpg", "3.jpg")) {
                ModelServiceException e = assertThrows(
                        ModelServiceException.class,
                        () -> o.locate(new LocRequest(ImageValue.source(lost, pixels), "car")));
                assertEquals(java.util.Optional.of("truncated-json"), e.reason());
                assertTrue(
                        e.getMessage().contains("'" + lost + "'")
                                && e.getMessage().contains(f + " at line 2")
                                && e.getMessage().contains("inside entry '2', after 1 complete entry"),
                        e.getMessage());
            }
        }
    }

    @Test
    void anImageWithoutAnnotationsIsAServiceError() {
        ImageValue other = ImageValue.source("999.jpg", new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB));
        ModelServiceException e =
                assertThrows(ModelServiceException.class, () -> oracle.locate(new LocRequest(other, "car")));
        assertEquals("no scene annotations for image '999.jpg'", e.getMessage());
    }

    @Test
    void theProviderIsInstalledAndNeedsSceneGraphs() throws Exception {
        try (var services = ModuleSpec.parse("gqa-oracle").load(ProviderContext.ofData(Fixtures.GQA))) {
            assertTrue(services.loc().isPresent()
                    && services.vqa().isPresent()
                    && services.match().isPresent());
        }
        for (String spec : List.of("gqa-oracle:val", "gqa-oracle:" + Fixtures.GQA.resolve("val_sceneGraphs.json"))) {
            try (var services = ModuleSpec.parse(spec).load(ProviderContext.ofData(Fixtures.GQA))) {
                assertTrue(services.vqa().isPresent(), spec);
            }
        }
        BackendException noTrain = assertThrows(
                BackendException.class,
                () -> ModuleSpec.parse("gqa-oracle:train").load(ProviderContext.ofData(Fixtures.GQA)));
        assertEquals("gqa-oracle: no train_sceneGraphs.json under " + Fixtures.GQA, noTrain.getMessage());
        BackendException e = assertThrows(
                BackendException.class,
                () -> ModuleSpec.parse("gqa-oracle").load(ProviderContext.ofData(Fixtures.NLVR2)));
        assertTrue(e.getMessage().startsWith("gqa-oracle: no *_sceneGraphs.json under"), e.getMessage());
    }
}
