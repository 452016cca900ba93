package org.sdvp.data.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.data.program.Conversion;

/** One test per GQA operation: the exact VisProg text, which must also pass the VisProg validator. */
class GqaProgramConverterTest {
    private final GqaProgramConverter converter = new GqaProgramConverter();

    /** {@code "select: car (2)->query: color [0]"} as GQA's semantic list. */
    static List<GqaOperation> ops(String semanticStr) {
        List<GqaOperation> ops = new ArrayList<>();
        for (String part : semanticStr.split("->")) {
            String p = part.strip();
            List<Integer> deps = new ArrayList<>();
            if (p.endsWith("]")) {
                int open = p.lastIndexOf('[');
                for (String d : p.substring(open + 1, p.length() - 1).split(","))
                    if (!d.isBlank()) deps.add(Integer.parseInt(d.strip()));
                p = p.substring(0, open).strip();
            }
            int colon = p.indexOf(':');
            ops.add(new GqaOperation(p.substring(0, colon), p.substring(colon + 1), deps));
        }
        return ops;
    }

    private String convert(String semanticStr) throws Exception {
        Conversion c = converter.convert(ops(semanticStr), "the question?");
        assertFalse(c.fallback(), () -> "unexpected fallback: " + c.fallbackReason());
        new VisProgInterpreter().check(c.program(), Set.of("IMAGE"));
        return c.program();
    }

    private String fallbackReason(String semanticStr) {
        Conversion c = converter.convert(ops(semanticStr), "Which place is it?");
        assertTrue(c.fallback(), c::program);
        assertEquals(
                "ANSWER0=VQA(image=IMAGE,question='Which place is it?')\nFINAL_RESULT=RESULT(var=ANSWER0)\n",
                c.program());
        return c.fallbackReason().orElseThrow();
    }

    @Test
    void selectAndQueryLocateCropAndAsk() throws Exception {
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='car')
                IMAGE0=CROP(image=IMAGE,box=BOX0)
                ANSWER0=VQA(image=IMAGE0,question='What color is the car?')
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, convert("select: car (2)->query: color [0]"));
    }

    @Test
    void queryNameAsksWhatTheObjectIs() throws Exception {
        assertTrue(convert("select: vehicle (2)->query: name [0]").contains("question='What is the vehicle?'"));
    }

    @Test
    void filtersRefineThePhraseAndNotBecomesAWord() throws Exception {
        assertEquals(
                """
                BOX0=LOC(image=IMAGE,object='not large white table')
                ANSWER0=COUNT(box=BOX0)
                ANSWER1=EVAL(expr="'yes' if {ANSWER0} > 0 else 'no'")
                FINAL_RESULT=RESULT(var=ANSWER1)
                """, convert("select: table (5)->filter color: white [0]->filter size: not(large) [1]->exist: ? [2]"));
    }

    @Test
    void relateWithADirectionCropsOnThatSideOfTheAnchor() throws Exception {
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='man')
                IMAGE0=CROP_RIGHTOF(image=IMAGE,box=BOX0)
                BOX1=LOC(image=IMAGE0,object='vehicle')
                IMAGE1=CROP(image=IMAGE0,box=BOX1)
                ANSWER0=VQA(image=IMAGE1,question='What is the vehicle?')
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, convert("select: man (1)->relate: vehicle,to the right of,s (2) [0]->query: name [1]"));
    }

    @Test
    void relateWithTheTargetAsObjectTakesTheOppositeSide() throws Exception {
        assertTrue(convert("select: man (1)->relate: car,to the right of,o (2) [0]->exist: ? [1]")
                .contains("IMAGE0=CROP_LEFTOF(image=IMAGE,box=BOX0)"));
    }

    @Test
    void relateWithAnUnnamedTargetAsksWhatStandsInTheRelation() throws Exception {
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='man')
                IMAGE0=CROP(image=IMAGE,box=BOX0)
                ANSWER0=VQA(image=IMAGE0,question='What is the man holding?')
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, convert("select: man (1)->relate: _,holding,o (4) [0]->query: name [1]"));
        assertTrue(convert("select: table (5)->relate: _,on,s (6) [0]->query: name [1]")
                .contains("question='What is on the table?'"));
    }

    @Test
    void anUnnamedRelatedObjectBecomesARelativePhraseForOtherOperations() throws Exception {
        assertEquals(
                """
                BOX0=LOC(image=IMAGE,object='table')
                IMAGE0=CROP(image=IMAGE,box=BOX0)
                BOX1=LOC(image=IMAGE0,object='white thing on the table')
                IMAGE1=CROP(image=IMAGE0,box=BOX1)
                ANSWER0=VQA(image=IMAGE1,question='What is the white thing on the table?')
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, convert("select: table (5)->relate: _,on,s (6) [0]->filter color: white [1]->query: name [2]"));
        assertTrue(convert("select: man (1)->relate: _,holding,o (4) [0]->query: color [1]")
                .contains("question='What color is the thing that the man is holding?'"));
        assertTrue(convert("select: table (5)->relate: _,on,s (6) [0]->exist: ? [1]")
                .contains("LOC(image=IMAGE0,object='thing on the table')"));
    }

    @Test
    void verifyAttributeRelationAndPosition() throws Exception {
        assertTrue(convert("select: hat (3)->verify color: red [0]").contains("question='Is the hat red?'"));
        assertTrue(convert("select: man (1)->verify rel: hat,wearing,o (3) [0]")
                .contains("question='Is the man wearing a hat?'"));
        assertTrue(convert("select: table (5)->verify rel: cup,on,s (6) [0]")
                .contains("question='Is there a cup on the table?'"));
        // positions are asked of the whole image, not of a crop around the object
        assertEquals("""
                ANSWER0=VQA(image=IMAGE,question='Is the man on the left of the image?')
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, convert("select: man (1)->verify hposition: left [0]"));
    }

    @Test
    void chooseAttributeRelationAndPosition() throws Exception {
        assertTrue(convert("select: car (2)->choose color: white|black [0]")
                .contains("question='Is the car white or black?'"));
        assertTrue(convert("select: car (2)->choose rel: man,to the left of|to the right of,s (1) [0]")
                .contains("question='Is the man to the left of or to the right of the car?'"));
        assertTrue(convert("select: mirror (2)->choose vposition: top|bottom [0]")
                .contains("VQA(image=IMAGE,question='Is the mirror on the top or on the bottom of the image?')"));
    }

    @Test
    void andOrCombineAnswersInEval() throws Exception {
        String p = convert("select: cup (6)->exist: ? [0]->select: cat (-) ->exist: ? [2]->or:  [1, 3]");
        assertTrue(p.contains("ANSWER4=EVAL(expr=\"'yes' if {ANSWER1} or {ANSWER3} else 'no'\")"), p);
        assertTrue(convert("select: dog (7)->exist: ? [0]->select: cat (-) ->exist: ? [2]->and:  [1, 3]")
                .contains("{ANSWER1} and {ANSWER3}"));
    }

    @Test
    void sameAndDifferentCompareTwoQueries() throws Exception {
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='bus')
                IMAGE0=CROP(image=IMAGE,box=BOX0)
                ANSWER0=VQA(image=IMAGE0,question='What color is the bus?')
                BOX1=LOC(image=IMAGE,object='truck')
                IMAGE1=CROP(image=IMAGE,box=BOX1)
                ANSWER1=VQA(image=IMAGE1,question='What color is the truck?')
                ANSWER2=EVAL(expr="'yes' if {ANSWER0} == {ANSWER1} else 'no'")
                FINAL_RESULT=RESULT(var=ANSWER2)
                """, convert("select: bus (11)->select: truck (12)->same color:  [0, 1]"));
        assertTrue(convert("select: bus (11)->select: truck (12)->different color:  [0, 1]")
                .contains("{ANSWER0} != {ANSWER1}"));
    }

    @Test
    void commonComparesColours() throws Exception {
        assertTrue(convert("select: bus (11)->select: truck (12)->common:  [0, 1]")
                .contains("EVAL(expr=\"'color' if {ANSWER0} == {ANSWER1} else 'material'\")"));
    }

    @Test
    void whatTheModuleSetCannotExpressFallsBackWithAReason() {
        assertEquals("query place of the whole scene", fallbackReason("select: scene->query: place [0]"));
        assertEquals("same color within one group", fallbackReason("select: vehicle (11,12)->same color:  [0]"));
        assertEquals(
                "choose older (objects compared)",
                fallbackReason("select: man (1)->select: woman (2)->choose older: man|woman [0, 1]"));
        assertEquals("select of a deictic 'this'", fallbackReason("select: this (3)->choose name: train|truck [0]"));
        assertEquals("unknown operation frobnicate", fallbackReason("select: car (2)->frobnicate: x [0]"));
        assertEquals(
                "relate by same color",
                fallbackReason("select: car (2)->relate: _,same color,s (5) [0]->query: name [1]"));
    }

    @Test
    void questionsWithApostrophesAreQuotedSafely() throws Exception {
        Conversion c = converter.convert(ops("select: scene->query: place [0]"), "What's this place?");
        assertEquals(
                "ANSWER0=VQA(image=IMAGE,question=\"What's this place?\")\nFINAL_RESULT=RESULT(var=ANSWER0)\n",
                c.program());
        new VisProgInterpreter().check(c.program(), Set.of("IMAGE"));
    }
}
