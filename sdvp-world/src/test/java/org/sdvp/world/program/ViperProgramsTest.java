package org.sdvp.world.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.data.clevr.program.Flavor;
import org.sdvp.data.clevr.program.ViperEmitter;
import org.sdvp.world.question.Description;
import org.sdvp.world.question.FProgram;

/** Golden ViperGPT programs ({@link ViperEmitter}) for the shapes of functional program the world's question generators write. */
class ViperProgramsTest {
    private static final Description RED_SPHERE = new Description(null, "red", null, "sphere");
    private static final Description CUBE = new Description(null, null, null, "cube");
    private static final Description SMALL_CUBE = new Description("small", null, null, "cube");

    @Test
    void queryFindsTheObjectAndAsksItsPatchWithTheFallbackIdiom() {
        FProgram.Builder b = FProgram.builder();
        b.op("query_color", b.op("unique", b.filter(b.scene(null), SMALL_CUBE)));
        assertEquals("""
                def execute_command(image):
                    image_patch = ImagePatch(image)
                    small_cube_patches = image_patch.find("small cube")
                    if len(small_cube_patches) == 0:
                        return image_patch.simple_query("What color is the small cube?")
                    small_cube_patch = small_cube_patches[0]
                    return small_cube_patch.simple_query("What color is the small cube?")
                """, ViperEmitter.emit(b.build().typed(), Flavor.GQA, "What color is the small cube?"));
    }

    @Test
    void relationsCompareCentresWithYGrowingUpwards() {
        FProgram.Builder b = FProgram.builder();
        int ref = b.op("unique", b.filter(b.scene(null), RED_SPHERE));
        int rel = b.op("relate", List.of("above"), ref);
        b.op("count", b.filter(rel, CUBE));
        assertEquals("""
                def execute_command(image):
                    image_patch = ImagePatch(image)
                    cube_patches = image_patch.find("cube")
                    red_sphere_patches = image_patch.find("red sphere")
                    if len(red_sphere_patches) == 0:
                        return 'no'
                    red_sphere_patch = red_sphere_patches[0]
                    cube_above_patches = [patch for patch in cube_patches if patch.vertical_center > red_sphere_patch.vertical_center]
                    return len(cube_above_patches)
                """, ViperEmitter.emit(b.build().typed(), Flavor.GQA, null));
    }

    @Test
    void verifyUsesVerifyPropertyAndChooseBestTextMatch() {
        FProgram.Builder b = FProgram.builder();
        b.op("verify_material", List.of("metal"), b.op("unique", b.filter(b.scene(null), SMALL_CUBE)));
        String verify = ViperEmitter.emit(b.build().typed(), Flavor.GQA, "q?");
        assertTrue(
                verify.contains("return bool_to_yesno(small_cube_patch.verify_property(\"small cube\", \"metal\"))"),
                verify);
        b = FProgram.builder();
        b.op("choose_color", List.of("red", "blue"), b.op("unique", b.filter(b.scene(null), CUBE)));
        String choose = ViperEmitter.emit(b.build().typed(), Flavor.GQA, "q?");
        assertTrue(choose.contains("return cube_patch.best_text_match([\"red\", \"blue\"])"), choose);
        // A shape is a noun, not a property of one: that check is asked.
        b = FProgram.builder();
        b.op(
                "verify_shape",
                List.of("cube"),
                b.op("unique", b.filter(b.scene(null), new Description(null, "red", null, null))));
        String shape = ViperEmitter.emit(b.build().typed(), Flavor.GQA, "q?");
        assertTrue(shape.contains("(red_object_patch.simple_query(\"Is the red object a cube?\") == 'yes')"), shape);
    }

    @Test
    void pairsTakeLeftAndRightAndReturnABoolean() {
        FProgram.Builder b = FProgram.builder();
        int l = b.op("exist", b.filter(b.scene("left"), CUBE));
        int r = b.op("count", b.filter(b.scene("right"), RED_SPHERE));
        b.op("xor", l, b.op("greater_than", r, b.op("integer", List.of("1"))));
        assertEquals("""
                def execute_command(left, right):
                    left_patch = ImagePatch(left)
                    right_patch = ImagePatch(right)
                    red_sphere_patches = right_patch.find("red sphere")
                    return (left_patch.exists("cube") != (len(red_sphere_patches) > 1))
                """, ViperEmitter.emit(b.build().typed(), Flavor.NLVR, "sentence"));
    }

    @Test
    void tagsArePatchLabelPairsAndNothingIsVisProg() {
        FProgram.Builder b = FProgram.builder();
        b.op("tag", List.of("color"), b.filter(b.scene(null), CUBE));
        String tag = ViperEmitter.emit(b.build().typed(), Flavor.GQA, "Tag the cubes with their colors.");
        assertTrue(tag.contains("return [(patch, patch.best_text_match([\"gray\""), tag);
        assertFalse(tag.contains("_vp_") || tag.contains("LOC("), tag);
        FProgram.Builder bad = FProgram.builder();
        bad.op("exist", bad.filter(bad.scene("left"), CUBE));
        assertThrows(
                IllegalArgumentException.class,
                () -> ViperEmitter.emit(bad.build().typed(), Flavor.GQA, null));
    }
}
