package org.sdvp.world.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdvp.world.program.VqaForms;
import org.sdvp.world.question.Description;
import org.sdvp.world.scene.Attribute;

class OracleQuestionTest {
    private static final Description CUBE = new Description(null, null, null, "cube");
    private static final Description D = new Description("large", "red", "metal", null);

    @Test
    void everyWrittenFormIsReadBack() {
        assertEquals(
                Optional.of(new OracleQuestion.Query("large red metal object", Attribute.SHAPE)),
                OracleQuestion.parse(new VqaForms.Query(D, Attribute.SHAPE).text()));
        assertEquals(
                Optional.of(new OracleQuestion.Verify("cube", Attribute.COLOR, "red")),
                OracleQuestion.parse(new VqaForms.Verify(CUBE, Attribute.COLOR, "red").text()));
        assertEquals(
                Optional.of(new OracleQuestion.Verify("large red metal object", Attribute.SHAPE, "cone")),
                OracleQuestion.parse(new VqaForms.Verify(D, Attribute.SHAPE, "cone").text()));
        assertEquals(
                Optional.of(new OracleQuestion.Choose("cube", Attribute.MATERIAL, "rubber", "metal")),
                OracleQuestion.parse(new VqaForms.Choose(CUBE, Attribute.MATERIAL, "rubber", "metal").text()));
        assertEquals(
                Optional.of(new OracleQuestion.Choose("large red metal object", Attribute.SHAPE, "cube", "sphere")),
                OracleQuestion.parse(new VqaForms.Choose(D, Attribute.SHAPE, "cube", "sphere").text()));
        assertEquals(
                Optional.of(new OracleQuestion.Exist("large red metal object")),
                OracleQuestion.parse(new VqaForms.Exist(D).text()));
        assertEquals(
                Optional.of(new OracleQuestion.Exist("object")),
                OracleQuestion.parse(new VqaForms.Exist(Description.ANY).text()));
        assertEquals(
                Optional.of(new OracleQuestion.HowMany("cubes")),
                OracleQuestion.parse(new VqaForms.HowMany(CUBE).text()));
    }

    @Test
    void commonParaphrasesAreRead() {
        List<String> questions = List.of(
                "What is the colour of the ball?",
                "What is the sphere made of?",
                "Are there any grey blocks in the image?",
                "How many shiny things are in the picture?",
                "How many cubes are to the left of the red sphere?",
                "Is the big cube made of metal?",
                "Is the cube left of the sphere red or blue?");
        List<OracleQuestion> expected = List.of(
                new OracleQuestion.Query("ball", Attribute.COLOR),
                new OracleQuestion.Query("sphere", Attribute.MATERIAL),
                new OracleQuestion.Exist("grey blocks"),
                new OracleQuestion.HowMany("shiny things"),
                new OracleQuestion.HowMany("cubes to the left of the red sphere"),
                new OracleQuestion.Verify("big cube", Attribute.MATERIAL, "metal"),
                new OracleQuestion.Choose("cube left of the sphere", Attribute.COLOR, "red", "blue"));
        for (int i = 0; i < questions.size(); i++) {
            assertEquals(Optional.of(expected.get(i)), OracleQuestion.parse(questions.get(i)), questions.get(i));
        }
        assertEquals(Optional.empty(), OracleQuestion.parse("Why is the sky blue?"));
    }
}
