package org.sdvp.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgramExtractorTest {
    private static final String PROGRAM =
            "BOX0=LOC(image=IMAGE,object='cube')\nANSWER0=COUNT(box=BOX0)\nFINAL_RESULT=RESULT(var=ANSWER0)";

    @Test
    void plainProgramIsKept() {
        assertEquals(PROGRAM, ProgramExtractor.extract(PROGRAM + "\n"));
    }

    @Test
    void codeFenceAndProseAreStripped() {
        String reply = "Sure! Here is the program:\n```python\n" + PROGRAM + "\n```\nThis counts the cubes.";
        assertEquals(PROGRAM, ProgramExtractor.extract(reply));
    }

    @Test
    void unterminatedFenceStillWorks() {
        assertEquals(PROGRAM, ProgramExtractor.extract("```\n" + PROGRAM));
    }

    @Test
    void runOnIntoAnotherQuestionIsCut() {
        String reply = "Program:\n" + PROGRAM
                + "\n\nQuestion: What color is the cone?\nProgram:\nBOX0=LOC(image=IMAGE,object='cone')";
        assertEquals(PROGRAM, ProgramExtractor.extract(reply));
    }

    @Test
    void programWithoutFinalStepEndsAtItsLastStep() {
        String reply = "BOX0=LOC(image=IMAGE,object='cube')\nANSWER0=COUNT(box=BOX0)\n\nThat is all.";
        assertEquals("BOX0=LOC(image=IMAGE,object='cube')\nANSWER0=COUNT(box=BOX0)", ProgramExtractor.extract(reply));
    }

    @Test
    void brokenLineInsideTheProgramReachesTheValidator() {
        String reply = "BOX0=LOC(image=IMAGE,object='cube')\nANSWER0 COUNT box BOX0\nFINAL_RESULT=RESULT(var=ANSWER0)";
        assertEquals(reply, ProgramExtractor.extract(reply));
    }

    @Test
    void replyWithoutStepsIsPassedOnForTheValidatorToReject() {
        assertEquals("I cannot answer that.", ProgramExtractor.extract("  I cannot answer that.\n"));
    }

    @Test
    void pythonKeepsItsIndentationAndTheFirstFenceOnly() {
        String program = "def execute_command(image):\n    return ImagePatch(image).simple_query('What?')";
        assertEquals(
                program, ProgramExtractor.extractPython("Sure:\n```python\n" + program + "\n```\n```\nother\n```"));
    }

    @Test
    void unfencedPythonRunsFromItsFirstImportOrDefToTheNextQuestion() {
        String program = "import math\ndef execute_command(image):\n    return str(math.pi)";
        assertEquals(program, ProgramExtractor.extractPython("Here it is.\n" + program + "\nQuestion: next one?\n"));
    }
}
