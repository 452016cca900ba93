package org.sdvp.data.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdvp.data.oracle.QuestionForms.Attribute;
import org.sdvp.data.oracle.QuestionForms.Choose;
import org.sdvp.data.oracle.QuestionForms.ChoosePosition;
import org.sdvp.data.oracle.QuestionForms.ChooseRelation;
import org.sdvp.data.oracle.QuestionForms.Name;
import org.sdvp.data.oracle.QuestionForms.Part;
import org.sdvp.data.oracle.QuestionForms.RelatedObject;
import org.sdvp.data.oracle.QuestionForms.RelatedSubject;
import org.sdvp.data.oracle.QuestionForms.Side;
import org.sdvp.data.oracle.QuestionForms.Verify;
import org.sdvp.data.oracle.QuestionForms.VerifyPosition;
import org.sdvp.data.oracle.QuestionForms.VerifyRelation;

/** Every form the converters write parses back to what was meant. */
class QuestionFormsTest {
    private static final List<String> RELATIONS = List.of("holding", "on", "wearing", "to the left of", "sitting on");

    private static QuestionForms.Parsed parse(String q) {
        return QuestionForms.parse(q, RELATIONS).orElseThrow(() -> new AssertionError("not parsed: " + q));
    }

    @Test
    void objectQuestions() {
        assertEquals(new Name("white car"), parse(QuestionForms.query("name", "white car")));
        assertEquals(new Attribute("color", "not large car"), parse(QuestionForms.query("color", "not large car")));
        assertEquals(new Side("man"), parse(QuestionForms.queryPosition("hposition", "man")));
        assertEquals(new Part("man"), parse(QuestionForms.queryPosition("vposition", "man")));
    }

    @Test
    void relationQuestions() {
        assertEquals(
                new RelatedSubject("on", "white table"), parse(QuestionForms.queryRelated("on", true, "white table")));
        assertEquals(new RelatedObject("man", "holding"), parse(QuestionForms.queryRelated("holding", false, "man")));
        assertEquals(
                new RelatedObject("man", "sitting on"), parse(QuestionForms.queryRelated("sitting on", false, "man")));
        // a relative phrase ending in a relation name is still an object phrase
        assertEquals(
                new Name("thing that the man is holding"),
                parse(QuestionForms.query("name", "thing that the man is holding")));
        assertEquals(
                new Attribute("color", "thing on the table"),
                parse(QuestionForms.query("color", "thing on the table")));
        assertEquals(
                new VerifyRelation("table", "on", "cup", true),
                parse(QuestionForms.verifyRelation("cup", "on", true, "table")));
        assertEquals(
                new VerifyRelation("man", "wearing", "hat", false),
                parse(QuestionForms.verifyRelation("hat", "wearing", false, "man")));
        assertEquals(
                new ChooseRelation("man", "to the left of", "to the right of", "car"),
                parse(QuestionForms.chooseRelation("man", "to the left of", "to the right of", true, "car")));
        assertEquals(
                new ChooseRelation("car", "on", "under", "table"),
                parse(QuestionForms.chooseRelation("table", "on", "under", false, "car")));
    }

    @Test
    void verifyAndChooseQuestions() {
        assertEquals(new Verify("hat", "red"), parse(QuestionForms.verify("hat", "red")));
        assertEquals(new VerifyPosition("small man", "left"), parse(QuestionForms.verifyPosition("small man", "left")));
        assertEquals(new Choose("car", "white", "black"), parse(QuestionForms.choose("car", "white", "black")));
        assertEquals(
                new ChoosePosition("car", "left", "right"),
                parse(QuestionForms.choosePosition("car", "left", "right")));
    }

    @Test
    void freeTextIsNotInAnyForm() {
        assertEquals(Optional.empty(), QuestionForms.parse("Which place is it?", RELATIONS));
        assertEquals(Optional.empty(), QuestionForms.parse("How many dogs are there?", RELATIONS));
    }
}
