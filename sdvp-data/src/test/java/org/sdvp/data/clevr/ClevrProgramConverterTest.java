package org.sdvp.data.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.data.clevr.program.ProgramNode;
import org.sdvp.data.program.Conversion;

/**
 * The CLEVR functions the fixture questions do not reach, one by one, as the shared emitter writes them
 * (the programs sdvp-world's tasks run have the same shape).
 */
class ClevrProgramConverterTest {
    private final ClevrProgramConverter converter = new ClevrProgramConverter();

    /** {@code "scene; filter_color red 0; count 1"}: function, optional value, input indices. */
    private static ClevrQuestion question(String program) {
        List<ProgramNode> nodes = new ArrayList<>();
        for (String node : program.split(";")) {
            String[] w = node.strip().split(" ");
            List<Integer> inputs = new ArrayList<>();
            String value = null;
            for (int i = 1; i < w.length; i++) {
                if (w[i].matches("\\d+")) inputs.add(Integer.parseInt(w[i]));
                else value = w[i];
            }
            nodes.add(new ProgramNode(w[0], inputs, value == null ? List.of() : List.of(value)));
        }
        return new ClevrQuestion("val", "x.png", 0, "the question?", "a", nodes, 0, 0);
    }

    private Conversion convert(String program) throws Exception {
        Conversion c = converter.convert(question(program));
        new VisProgInterpreter().check(c.program(), Set.of("IMAGE"));
        return c;
    }

    @Test
    void lessThanComparesTwoCounts() throws Exception {
        String p = convert("scene; filter_shape cube 0; count 1; scene; filter_shape sphere 3; count 4; less_than 2 5")
                .program();
        assertTrue(p.contains("BOX0=LOC(image=IMAGE,object='cube')"), p);
        assertTrue(p.contains("BOX1=LOC(image=IMAGE,object='sphere')"), p);
        assertTrue(p.contains("ANSWER2=EVAL(expr=\"'yes' if ({ANSWER0} < {ANSWER1}) else 'no'\")"), p);
    }

    @Test
    void behindCropsAboveTheAnchorAndFiltersAfterRelateRefineTheTarget() throws Exception {
        // attributes are written in CLEVR's order (size, color, material) whatever the filter order
        assertTrue(convert("scene; filter_shape cylinder 0; filter_material metal 1; filter_size large 2; count 3")
                .program()
                .startsWith("BOX0=LOC(image=IMAGE,object='large metal cylinder')\n"));
        String p = convert(
                        "scene; filter_shape cylinder 0; unique 1; relate behind 2; filter_color blue 3; unique 4; query_size 5")
                .program();
        assertEquals("""
                BOX0=LOC(image=IMAGE,object='cylinder')
                IMAGE0=CROP_ABOVE(image=IMAGE,box=BOX0)
                BOX1=LOC(image=IMAGE0,object='blue object')
                IMAGE1=CROP(image=IMAGE0,box=BOX1)
                ANSWER0=VQA(image=IMAGE1,question='What size is the blue object?')
                FINAL_RESULT=RESULT(var=ANSWER0)
                """, p);
    }

    @Test
    void equalIntegerComparesCounts() throws Exception {
        assertTrue(convert("scene; filter_color red 0; count 1; scene; filter_color blue 3; count 4; equal_integer 2 5")
                .program()
                .contains("{ANSWER0} == {ANSWER1}"));
    }

    @Test
    void sdvpWorldExtensionsConvertToEvalAndVqa() throws Exception {
        assertEquals(
                """
                BOX0=LOC(image=IMAGE,object='cube')
                ANSWER0=COUNT(box=BOX0)
                BOX1=LOC(image=IMAGE,object='sphere')
                ANSWER1=COUNT(box=BOX1)
                ANSWER2=EVAL(expr="'yes' if (not (({ANSWER0} > 0) xor ({ANSWER1} > 0))) else 'no'")
                FINAL_RESULT=RESULT(var=ANSWER2)
                """,
                convert("scene; filter_shape cube 0; exist 1; scene; filter_shape sphere 3; exist 4; xor 2 5; not 6")
                        .program());
        assertTrue(convert("scene; filter_shape cube 0; unique 1; relate below 2; count 3")
                .program()
                .contains("IMAGE0=CROP_BELOW(image=IMAGE,box=BOX0)"));
        assertTrue(convert("scene; filter_shape cube 0; unique 1; verify_color red 2")
                .program()
                .contains("question='Is the cube red?'"));
        ClevrQuestion choose = new ClevrQuestion(
                "val",
                "x.png",
                0,
                "q",
                "a",
                List.of(
                        new ProgramNode("scene", List.of(), List.of("LEFT")),
                        new ProgramNode("filter_shape", List.of(0), List.of("cube")),
                        new ProgramNode("unique", List.of(1), List.of()),
                        new ProgramNode("choose_color", List.of(2), List.of("red", "blue"))),
                0,
                0);
        String p = converter.convert(choose).program();
        assertTrue(
                p.startsWith("BOX0=LOC(image=LEFT,object='cube')") && p.contains("question='Is the cube red or blue?'"),
                p);
        new VisProgInterpreter().check(p, Set.of("LEFT", "RIGHT"));
        ClevrQuestion add = new ClevrQuestion(
                "val",
                "x.png",
                0,
                "q",
                "a",
                List.of(
                        new ProgramNode("scene", List.of(), List.of()),
                        new ProgramNode("count", List.of(0), List.of()),
                        new ProgramNode("integer", List.of(), List.of("2")),
                        new ProgramNode("add", List.of(1, 2), List.of())),
                0,
                0);
        String sum = converter.convert(add).program();
        assertTrue(sum.contains("ANSWER1=EVAL(expr=\"({ANSWER0} + 2)\")"), sum);
        new VisProgInterpreter().check(sum, Set.of("IMAGE"));
    }

    @Test
    void setOperationsAndSameAttributeFallBack() throws Exception {
        assertEquals(
                "union",
                convert("scene; filter_color red 0; scene; filter_color blue 2; union 1 3; count 4")
                        .fallbackReason()
                        .orElseThrow());
        assertEquals(
                "intersect",
                convert("scene; filter_color red 0; scene; filter_shape cube 2; intersect 1 3; count 4")
                        .fallbackReason()
                        .orElseThrow());
        assertEquals(
                "same_color",
                convert("scene; filter_shape cube 0; unique 1; same_color 2; count 3")
                        .fallbackReason()
                        .orElseThrow());
        assertEquals(
                "ANSWER0=VQA(image=IMAGE,question='the question?')\nFINAL_RESULT=RESULT(var=ANSWER0)\n",
                convert("scene; filter_color red 0; scene; filter_color blue 2; union 1 3; count 4")
                        .program());
    }
}
