package org.sdvp.facedet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sdvp.core.service.BackendException;
import org.sdvp.core.service.LocRequest;
import org.sdvp.core.service.ModelService;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ModuleSpec;
import org.sdvp.core.service.ProviderContext;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Styles;

/**
 * {@code --modules facedet}: OpenCV's frontal-face cascade finds the hand-labelled faces of the committed
 * photos (src/test/resources/faces/NOTICE.md), answers "face" only, and finds nothing in world scenes.
 */
class FaceDetProviderTest {
    /** Hand-labelled in the committed 384×384 JPEG: forehead (below the hairline) to chin, cheek to cheek. */
    static final Box ASTRONAUT_FACE = new Box(140, 55, 198, 128);
    /** The same, in the committed 320×375 JPEG of Grace Hopper (below the cap's brim, glasses' frames inside). */
    static final Box HOPPER_FACE = new Box(107, 93, 223, 207);

    static ModelServices facedet;

    @BeforeAll
    static void load() throws BackendException {
        facedet = ModuleSpec.parse("facedet").load(ProviderContext.empty());
    }

    @AfterAll
    static void close() throws Exception {
        facedet.close();
    }

    static ImageValue photo(String name) throws IOException {
        try (InputStream in = FaceDetProviderTest.class.getResourceAsStream("/faces/" + name)) {
            return ImageValue.source(name, ImageIO.read(in));
        }
    }

    static List<Detection> faces(ModelServices services, ImageValue image, String phrase) throws ModelServiceException {
        ModelService<LocRequest, List<Detection>> loc = services.loc().orElseThrow();
        return loc.apply(List.of(new LocRequest(image, phrase))).get(0);
    }

    @Test
    void findsTheAstronautsFaceAtTheLabelledBox() throws Exception {
        assertFindsOneFace("astronaut.jpg", ASTRONAUT_FACE);
    }

    @Test
    void findsGraceHoppersFaceAtTheLabelledBox() throws Exception {
        assertFindsOneFace("hopper.jpg", HOPPER_FACE);
    }

    @Test
    void everyShippedFrontalCascadeFindsTheFace() throws Exception {
        for (String cascade : List.of("haar-alt", "haar-alt2", "lbp")) {
            try (ModelServices s = ModuleSpec.parse("facedet:" + cascade).load(ProviderContext.empty())) {
                List<Detection> found = faces(s, photo("astronaut.jpg"), "face");
                assertEquals(1, found.size(), cascade + ": " + found);
                assertTrue(found.get(0).box().iou(ASTRONAUT_FACE) >= 0.5, cascade + ": " + found);
            }
        }
    }

    @Test
    void facesInACropAreInTheCropsCoordinates() throws Exception {
        ImageValue crop = photo("astronaut.jpg").crop(new Box(100, 20, 260, 180));
        List<Detection> found = faces(facedet, crop, "face");
        assertEquals(1, found.size(), "one face: " + found);
        Box inCrop = ASTRONAUT_FACE.translate(-100, -20);
        assertTrue(found.get(0).box().iou(inCrop) >= 0.5, found + " vs " + inCrop);
    }

    private static void assertFindsOneFace(String photo, Box labelled) throws Exception {
        List<Detection> found = faces(facedet, photo(photo), "face");
        assertEquals(1, found.size(), "one face in " + photo + ": " + found);
        Detection face = found.get(0);
        assertEquals("face", face.label());
        double iou = face.box().iou(labelled);
        assertTrue(iou >= 0.5, "IoU " + iou + " of " + face.box() + " with the labelled " + labelled);
        assertTrue(face.score() > 0.5 && face.score() < 1, "score " + face.score());
    }

    @Test
    void worldScenesHaveNoFaces() throws Exception {
        SceneGenerator gen = new SceneGenerator(SceneGenerator.Config.defaults());
        Renderer renderer = new Renderer();
        SplittableRandom rng = new SplittableRandom(1);
        int total = 0;
        for (String style : Styles.names()) {
            for (int i = 0; i < 4; i++) {
                Scene scene = gen.next(rng, style, style + i + ".png");
                List<Detection> found = faces(
                        facedet,
                        ImageValue.source(scene.imageFilename(), renderer.render(scene, Styles.get(style))),
                        "face");
                total += found.size();
            }
        }
        assertEquals(0, total, "faces found in world scenes of every style");
    }

    @Test
    void answersTheFacePhraseOnly() throws Exception {
        ModelService<LocRequest, List<Detection>> loc = facedet.loc().orElseThrow();
        ImageValue img = photo("astronaut.jpg");
        assertTrue(loc.covers(new LocRequest(img, "face")));
        assertTrue(loc.covers(new LocRequest(img, " Faces ")));
        assertFalse(loc.covers(new LocRequest(img, "woman")));
        assertFalse(loc.covers(new LocRequest(img, "helmet")));
        assertTrue(facedet.vqa().isEmpty() && facedet.match().isEmpty());
    }

    @Test
    void unknownCascadeListsTheKnownOnes() {
        BackendException e = assertThrows(
                BackendException.class, () -> ModuleSpec.parse("facedet:eyes").load(ProviderContext.empty()));
        assertTrue(e.getMessage().contains("haar|haar-alt|haar-alt2|lbp|profile"), e.getMessage());
    }
}
