package org.sdvp.viper.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdvp.core.interp.Execution;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.trace.ModelCall;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import org.sdvp.viper.runner.ViperFramework;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.testing.SceneModels;

/**
 * A VisProg program and its translation must give the same answer from the same model calls (same kind,
 * text and image region), checked against the core VisProg interpreter on the scripted scene.
 */
class VisProgTranslatorTest {
    private static final String PAIR = "PAIR:";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "BOX0=LOC(image=IMAGE,object='cube')\nANSWER0=COUNT(box=BOX0)\nFINAL_RESULT=RESULT(var=ANSWER0)",
                "BOX0=LOC(image=IMAGE,object='cube')\nIMAGE0=CROP(image=IMAGE,box=BOX0)\nANSWER0=VQA(image=IMAGE0,question='What color is it?')\nFINAL_RESULT=RESULT(var=ANSWER0)",
                "BOX0=LOC(image=IMAGE,object='sphere')\nIMAGE0=CROP_RIGHTOF(image=IMAGE,box=BOX0)\nBOX1=LOC(image=IMAGE0,object='metal')\nANSWER0=COUNT(box=BOX1)\nANSWER1=EVAL(expr=\"'yes' if {ANSWER0} > 0 else 'no'\")\nFINAL_RESULT=RESULT(var=ANSWER1)",
                "BOX0=LOC(image=IMAGE,object='sphere')\nIMAGE0=CROP_LEFTOF(image=IMAGE,box=BOX0)\nBOX1=LOC(image=IMAGE0,object='metal')\nANSWER0=COUNT(box=BOX1)\nFINAL_RESULT=RESULT(var=ANSWER0)",
                "BOX0=LOC(image=IMAGE,object='cylinder')\nIMAGE0=CROP_ABOVE(image=IMAGE,box=BOX0)\nBOX1=LOC(image=IMAGE0,object='cube')\nANSWER0=COUNT(box=BOX1)\nFINAL_RESULT=RESULT(var=ANSWER0)",
                "BOX0=LOC(image=IMAGE,object='sphere')\nIMAGE0=CROP_BELOW(image=IMAGE,box=BOX0)\nBOX1=LOC(image=IMAGE0,object='metal')\nIMAGE1=CROP(image=IMAGE0,box=BOX1)\nANSWER0=VQA(image=IMAGE1,question='What color is it?')\nFINAL_RESULT=RESULT(var=ANSWER0)",
                "BOX0=LOC(image=IMAGE,object='dog')\nIMAGE0=CROP_ABOVE(image=IMAGE,box=BOX0)\nANSWER0=VQA(image=IMAGE0,question='What color is it?')\nFINAL_RESULT=RESULT(var=ANSWER0)",
                "BOX0=LOC(image=IMAGE,object='metal')\nBOX1=SELECT(image=IMAGE,object=BOX0,query='blue',category=None)\nFINAL_RESULT=RESULT(var=BOX1)",
                "BOX0=LOC(image=IMAGE,object='small')\nBOX1=SELECT(image=IMAGE,object=BOX0,query='green,blue',category='metal')\nFINAL_RESULT=RESULT(var=BOX1)",
                "BOX0=LOC(image=IMAGE,object='metal')\nOBJ0=CLASSIFY(image=IMAGE,object=BOX0,categories='sphere,cylinder')\nOBJ1=TAG(image=IMAGE,object=OBJ0)\nFINAL_RESULT=RESULT(var=OBJ1)",
                "BOX0=LOC(image=IMAGE,object='TOP')\nIMAGE0=CROP(image=IMAGE,box=BOX0)\nANSWER0=VQA(image=IMAGE0,question='What color is it?')\nFINAL_RESULT=RESULT(var=ANSWER0)",
                "BOX0=LOC(image=IMAGE,object='cube')\nBOX1=LOC(image=IMAGE,object='metal')\nANSWER0=COUNT(box=BOX0)\nANSWER1=COUNT(box=BOX1)\nANSWER2=EVAL(expr=\"{ANSWER0} + {ANSWER1} * 2 - 1\")\nFINAL_RESULT=RESULT(var=ANSWER2)",
                "ANSWER0=VQA(image=IMAGE,question='How many objects?')\nANSWER1=EVAL(expr=\"{ANSWER0} == 3 and not {ANSWER0} < 1\")\nFINAL_RESULT=RESULT(var=ANSWER1)",
                PAIR
                        + "ANSWER0=VQA(image=LEFT,question='Is this a test?')\nANSWER1=VQA(image=RIGHT,question='How many objects?')\nANSWER2=EVAL(expr=\"{ANSWER0} xor ({ANSWER1} == 2)\")\nFINAL_ANSWER=RESULT(var=ANSWER2)",
            })
    void translationBehavesLikeTheVisProgInterpreter(String program) throws Exception {
        boolean pair = program.startsWith(PAIR);
        String source = pair ? program.substring(PAIR.length()) : program;
        Map<String, Value> initial = pair
                ? Map.of(
                        "LEFT",
                        SceneModels.image(),
                        "RIGHT",
                        ImageValue.source("right.png", SceneModels.image().pixels()))
                : Map.of("IMAGE", SceneModels.image());
        Execution visprog = run(new VisProgInterpreter(), source, initial);
        Execution viper = run(new ViperFramework(PythonSandbox.shared()), source, initial);
        assertTrue(visprog.failure().isEmpty(), () -> visprog.failure().get().format());
        assertTrue(
                viper.failure().isEmpty(),
                () -> viper.failure().get().format() + "\n" + viper.trace().programSource());
        assertEquals(
                visprog.result().orElseThrow().display(),
                viper.result().orElseThrow().display(),
                viper.trace().programSource());
        assertEquals(calls(visprog), calls(viper), viper.trace().programSource());
        assertTrue(viper.trace().programSource().startsWith(VisProgTranslator.HEADER));
    }

    private static Execution run(org.sdvp.core.interp.Framework f, String source, Map<String, Value> initial)
            throws InvalidProgramException {
        try (ModelGateway gw = new ModelGateway(new SceneModels().services())) {
            return f.execute(source, initial, gw, "q");
        }
    }

    /** kind, text, source id and region of every model call, in order. */
    private static List<String> calls(Execution e) {
        return e.trace()
                .calls()
                .map(ModelCall::request)
                .map(r -> r.kind() + " '" + r.text() + "' " + r.image().sourceId() + " "
                        + r.image().region())
                .toList();
    }

    @Test
    void translatesToReadablePython() throws Exception {
        String py = VisProgTranslator.translate("""
                BOX0=LOC(image=IMAGE,object='red cube')
                ANSWER0=COUNT(box=BOX0)
                ANSWER1=EVAL(expr="'yes' if {ANSWER0} > 0 else 'no'")
                FINAL_RESULT=RESULT(var=ANSWER1)
                """, Set.of("IMAGE"));
        assertEquals("""
                # translated from VisProg by sdvp
                def execute_command(IMAGE):
                    BOX0 = _vp_loc(IMAGE, 'red cube')
                    ANSWER0 = len(BOX0)
                    ANSWER1 = ('yes' if (_vp_coerce(ANSWER0) > 0) else 'no')
                    FINAL_RESULT = ANSWER1
                    return FINAL_RESULT
                """, py);
    }

    @Test
    void recognisesVisProgAndRejectsInvalidVisProg() {
        assertTrue(VisProgTranslator.isVisProg("# c\nBOX0=LOC(image=IMAGE,object='x')\n"));
        assertFalse(VisProgTranslator.isVisProg("def execute_command(image):\n    return 1\n"));
        assertFalse(VisProgTranslator.isVisProg("x = 1\n"));
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> VisProgTranslator.translate("BOX0=LOCATE(image=IMAGE,object='x')\n", Set.of("IMAGE")));
        assertTrue(e.getMessage().contains("LOCATE"), e.getMessage());
        assertEquals("'it\\'s \\\\ \\n'", VisProgTranslator.quote("it's \\ \n"));
    }
}
