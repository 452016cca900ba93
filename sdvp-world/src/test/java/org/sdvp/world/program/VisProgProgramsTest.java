package org.sdvp.world.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdvp.data.clevr.program.Flavor;
import org.sdvp.data.clevr.program.VisProgEmitter;
import org.sdvp.world.question.Description;
import org.sdvp.world.question.FProgram;
import org.sdvp.world.scene.Attribute;

/** Golden VisProg programs ({@link VisProgEmitter}) for each shape of functional program the world's question generators write. */
class VisProgProgramsTest {
    private static final Description RED_SPHERE = new Description(null, "red", null, "sphere");
    private static final Description CUBE = new Description(null, null, null, "cube");

    @Test
    void queryLocatesCropsAndAsks() {
        FProgram.Builder b = FProgram.builder();
        b.op("query_color", b.op("unique", b.filter(b.scene(null), CUBE)));
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='cube')
                IMAGE0=CROP(image=IMAGE,box=BOX0)
                ANSWER0=VQA(image=IMAGE0,question='What color is the cube?')
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, VisProgEmitter.emit(b.build().typed(), Flavor.GQA));
    }

    @Test
    void relateCropsBesideTheReference() {
        FProgram.Builder b = FProgram.builder();
        int ref = b.op("unique", b.filter(b.scene(null), RED_SPHERE));
        int rel = b.op("relate", List.of("left"), ref);
        b.op("query_material", b.op("unique", b.filter(rel, CUBE)));
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='red sphere')
                IMAGE0=CROP_LEFTOF(image=IMAGE,box=BOX0)
                BOX1=LOC(image=IMAGE0,object='cube')
                IMAGE1=CROP(image=IMAGE0,box=BOX1)
                ANSWER0=VQA(image=IMAGE1,question='What material is the cube?')
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, VisProgEmitter.emit(b.build().typed(), Flavor.GQA));
    }

    @Test
    void existAndLogicBecomeCountsAndEval() {
        FProgram.Builder b = FProgram.builder();
        int e1 = b.op("exist", b.filter(b.scene(null), CUBE));
        int e2 = b.op("exist", b.filter(b.scene(null), RED_SPHERE));
        b.op("or", e1, e2);
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='cube')
                ANSWER0=COUNT(box=BOX0)
                BOX1=LOC(image=IMAGE,object='red sphere')
                ANSWER1=COUNT(box=BOX1)
                ANSWER2=EVAL(expr="'yes' if (({ANSWER0} > 0) or ({ANSWER1} > 0)) else 'no'")
                FINAL_RESULT=RESULT(var=ANSWER2)
                """, VisProgEmitter.emit(b.build().typed(), Flavor.GQA));
    }

    @Test
    void differentIsNotOfEqual() {
        FProgram.Builder b = FProgram.builder();
        int q1 = b.op("query_shape", b.op("unique", b.filter(b.scene(null), new Description(null, "red", null, null))));
        int q2 = b.op(
                "query_shape", b.op("unique", b.filter(b.scene(null), new Description("small", null, null, null))));
        b.op("not", b.op("equal_shape", q1, q2));
        String p = VisProgEmitter.emit(b.build().typed(), Flavor.GQA);
        assertTrue(p.contains("VQA(image=IMAGE0,question='What shape is the red object?')"), p);
        assertTrue(p.contains("EVAL(expr=\"'yes' if (not ({ANSWER0} == {ANSWER1})) else 'no'\")"), p);
    }

    @Test
    void nlvrAsksLeftAndRightDirectlyAndReturnsABoolean() {
        FProgram.Builder b = FProgram.builder();
        int l = b.op("exist", b.filter(b.scene("left"), CUBE));
        int r = b.op("exist", b.filter(b.scene("right"), CUBE));
        b.op("xor", l, r);
        assertEquals("""
                ANSWER0=VQA(image=LEFT,question='Is there a cube?')
                ANSWER1=VQA(image=RIGHT,question='Is there a cube?')
                ANSWER2=EVAL(expr="({ANSWER0} xor {ANSWER1})")
                FINAL_ANSWER=RESULT(var=ANSWER2)
                """, VisProgEmitter.emit(b.build().typed(), Flavor.NLVR));
    }

    @Test
    void nlvrCountsWithLocAndCount() {
        FProgram.Builder b = FProgram.builder();
        int l = b.op("count", b.filter(b.scene("left"), CUBE));
        int r = b.op("count", b.filter(b.scene("right"), CUBE));
        b.op("equal_integer", b.op("add", l, r), b.op("integer", List.of("3")));
        String p = VisProgEmitter.emit(b.build().typed(), Flavor.NLVR);
        assertTrue(p.startsWith("BOX0=LOC(image=LEFT,object='cube')\nANSWER0=COUNT(box=BOX0)\n"), p);
        assertTrue(p.contains("ANSWER2=EVAL(expr=\"(({ANSWER0} + {ANSWER1}) == 3)\")"), p);
    }

    @Test
    void relationalReferentIsSelectedInTheWholeImage() {
        FProgram.Builder b = FProgram.builder();
        int ref = b.op("unique", b.filter(b.scene(null), RED_SPHERE));
        b.op("unique", b.filter(b.op("relate", List.of("above"), ref), CUBE));
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='cube')
                BOX1=SELECT(image=IMAGE,object=BOX0,query='cube above the red sphere')
                FINAL_RESULT=RESULT(var=BOX1)
                """, VisProgEmitter.emit(b.build().typed(), Flavor.GQA));
    }

    @Test
    void taggingClassifiesAmongTheAttributesValues() {
        FProgram.Builder b = FProgram.builder();
        b.op("tag", List.of("material"), b.filter(b.scene(null), CUBE));
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='cube')
                OBJ0=CLASSIFY(image=IMAGE,object=BOX0,categories='rubber,metal')
                IMAGE0=TAG(image=IMAGE,object=OBJ0)
                FINAL_RESULT=RESULT(var=IMAGE0)
                """, VisProgEmitter.emit(b.build().typed(), Flavor.GQA));
    }

    @Test
    void everyFormParsesBackToItselfAndNothingFreerParses() {
        Description d = new Description("large", "red", "metal", null);
        List<VqaForms> forms = List.of(
                new VqaForms.Query(d, Attribute.SHAPE),
                new VqaForms.Verify(CUBE, Attribute.COLOR, "red"),
                new VqaForms.Verify(d, Attribute.SHAPE, "cone"),
                new VqaForms.Choose(CUBE, Attribute.MATERIAL, "rubber", "metal"),
                new VqaForms.Choose(d, Attribute.SHAPE, "cube", "sphere"),
                new VqaForms.Exist(d),
                new VqaForms.Exist(Description.ANY),
                new VqaForms.HowMany(CUBE));
        for (VqaForms f : forms) assertEquals(Optional.of(f), VqaForms.parse(f.text()), f.text());
        assertEquals(Optional.empty(), VqaForms.parse("What is the colour of the cube?"));
        assertEquals(Optional.empty(), VqaForms.parse("Is the cube to the left of the sphere red?"));
    }
}
