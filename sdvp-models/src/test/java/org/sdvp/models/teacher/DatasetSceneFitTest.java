package org.sdvp.models.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdvp.core.value.Box;
import org.sdvp.data.oracle.AnnotatedScene;
import org.sdvp.data.oracle.SceneObject;
import org.sdvp.world.scene.Scene;

/** Which annotated objects the teacher's fixed heads can learn from, and the world scene they become. */
class DatasetSceneFitTest {
    private static SceneObject object(String name, Box box, String... attributes) {
        return new SceneObject(name, name, Set.of(attributes), box, List.of());
    }

    @Test
    void aClevrObjectFitsAndBecomesAWorldObjectWithItsBoxClampedToTheImage() {
        DatasetSceneFit fit = new DatasetSceneFit("clevr");
        AnnotatedScene s = new AnnotatedScene(
                "a.png",
                480,
                320,
                List.of(object("cube", new Box(-10.4, 20, 60.2, 90), "large", "red", "rubber", "cube")));
        assertTrue(fit.fits(s));
        Scene w = fit.toScene(s, 480, 320).orElseThrow();
        assertEquals("large red rubber cube", w.object(0).describe());
        assertEquals(new Box(0, 20, 61, 90), w.box(0));
        assertEquals("clevr", w.style());
        assertEquals(0, fit.report().unfit());
    }

    @Test
    void openVocabularyAndAmbiguousObjectsAreCountedByReasonAndName() {
        DatasetSceneFit fit = new DatasetSceneFit("gqa");
        Box b = new Box(0, 0, 10, 10);
        assertFalse(fit.fits(new AnnotatedScene("1.jpg", 20, 20, List.of(object("man", b, "tall", "red")))));
        assertFalse(fit.fits(new AnnotatedScene(
                "2.jpg", 20, 20, List.of(object("ball", b, "sphere", "red", "blue", "small", "metal")))));
        DatasetSceneFit.Report r = fit.report();
        assertEquals(2, r.read());
        assertEquals(2, r.unfit());
        assertEquals(1, r.reasons().get("no shape"));
        assertEquals(1, r.reasons().get("more than one color"));
        assertEquals(1, r.names().get("man"));
        assertTrue(r.describe().contains("their names: ball 1, man 1"), r.describe());
    }

    @Test
    void aBoxOutsideItsImageLeavesTheSceneOut() {
        DatasetSceneFit fit = new DatasetSceneFit("gqa");
        AnnotatedScene s = new AnnotatedScene(
                "3.jpg", 20, 20, List.of(object("cube", new Box(30, 30, 40, 40), "small", "red", "metal")));
        assertTrue(fit.fits(s));
        assertTrue(fit.toScene(s, 20, 20).isEmpty());
        assertEquals(1, fit.report().reasons().get("box outside the image"));
        assertEquals(1, fit.report().unfit());
    }
}
