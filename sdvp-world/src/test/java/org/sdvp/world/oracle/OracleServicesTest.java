package org.sdvp.world.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.core.module.steps.DirectionalCropModule;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.MatchRequest;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.world.scene.RowScene;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneObject;

class OracleServicesTest {
    private static final List<SceneObject> OBJECTS = RowScene.OBJECTS;
    private static final Scene SCENE = RowScene.SCENE;
    private static final SceneIndex INDEX = SceneIndex.of(List.of(SCENE));
    private static final ImageValue IMAGE =
            ImageValue.source("t.png", new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB));

    @Test
    void locFindsMatchingObjectsInCropCoordinates() throws Exception {
        var loc = OracleServices.loc(INDEX, new EditedScenes());
        assertEquals(
                2,
                loc.apply(List.of(new LocRequest(IMAGE, "red object"))).get(0).size());
        ImageValue right = IMAGE.crop(new Box(64, 0, 128, 128));
        var found = loc.apply(List.of(new LocRequest(right, "red objects"))).get(0);
        assertEquals(1, found.size());
        assertEquals(SCENE.view(2).box().translate(-64, 0), found.get(0).box());
        assertTrue(loc.apply(List.of(new LocRequest(IMAGE, "purple dragon")))
                .get(0)
                .isEmpty());
    }

    @Test
    void aDirectionalCropExcludesItsReference() throws Exception {
        Box sphere = SCENE.view(1).box();
        for (var d : DirectionalCropModule.Direction.values()) {
            Box cut = switch (d) {
                case LEFTOF -> new Box(0, 0, Math.ceil(sphere.centerX()), 128);
                case RIGHTOF -> new Box(Math.floor(sphere.centerX()), 0, 128, 128);
                case ABOVE -> new Box(0, 0, 128, Math.ceil(sphere.centerY()));
                case BELOW -> new Box(0, Math.floor(sphere.centerY()), 128, 128);
            };
            assertTrue(!Region.of(IMAGE.crop(cut), INDEX).objects().contains(1), d.toString());
        }
    }

    @Test
    void vqaAnswersTheDocumentedForms() throws Exception {
        var vqa = OracleServices.vqa(INDEX, new EditedScenes());
        ImageValue crop = IMAGE.crop(SCENE.view(1).box().scaleAboutCenter(1.5));
        assertEquals(
                "blue",
                vqa.apply(List.of(new VqaRequest(crop, "What color is the sphere?")))
                        .get(0)
                        .answer());
        assertEquals(
                "yes",
                vqa.apply(List.of(new VqaRequest(crop, "Is the sphere metal?")))
                        .get(0)
                        .answer());
        assertEquals(
                "small",
                vqa.apply(List.of(new VqaRequest(crop, "Is the sphere large or small?")))
                        .get(0)
                        .answer());
        assertEquals(
                "no",
                vqa.apply(List.of(new VqaRequest(IMAGE, "Is there a green object?")))
                        .get(0)
                        .answer());
        assertEquals(
                "2",
                vqa.apply(List.of(new VqaRequest(IMAGE, "How many spheres are there?")))
                        .get(0)
                        .answer());
        assertEquals(
                0.0, vqa.apply(List.of(new VqaRequest(IMAGE, "Why?"))).get(0).confidence());
        assertEquals(
                "red",
                vqa.apply(List.of(new VqaRequest(IMAGE, "What color is the ball right of the small ball?")))
                        .get(0)
                        .answer());
        assertEquals(
                "1",
                vqa.apply(List.of(new VqaRequest(IMAGE, "How many cubes are left of the blue sphere?")))
                        .get(0)
                        .answer());
    }

    @Test
    void matchJudgesTheCropsSubject() throws Exception {
        var match = OracleServices.match(INDEX, new EditedScenes());
        ImageValue crop = IMAGE.crop(SCENE.view(2).box().scaleAboutCenter(1.5));
        assertEquals(
                List.of(1.0, 0.0, 1.0, 0.0),
                match.apply(List.of(
                        new MatchRequest(crop, "red"),
                        new MatchRequest(crop, "cube"),
                        new MatchRequest(crop, "sphere to the right of the blue sphere"),
                        new MatchRequest(crop, "sphere to the left of the blue sphere"))));
    }

    @Test
    void unknownImagesAndMissingDataAreReported() {
        ImageValue other = ImageValue.source("nope.png", new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
        var e = assertThrows(
                ModelServiceException.class,
                () -> OracleServices.vqa(INDEX, new EditedScenes())
                        .apply(List.of(new VqaRequest(other, "Is there a cube?"))));
        assertTrue(e.getMessage().contains("nope.png"));
        assertThrows(BackendException.class, () -> new OracleProvider().create("", ProviderContext.empty()));
        assertThrows(
                BackendException.class, () -> new OracleProvider().create("/nonexistent/dir", ProviderContext.empty()));
    }
}
