package org.sdvp.core.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.value.ValueType;

/** The entry point end to end: real VisProg programs pass; broken ones report every problem, in order. */
class ProgramsTest {
    private static final ModuleRegistry REGISTRY = StandardModules.registry();
    private static final Set<String> GQA = Set.of("IMAGE");
    private static final Set<String> NLVR = Set.of("LEFT", "RIGHT");

    @ParameterizedTest
    @ValueSource(
            strings = {
                """
        BOX0=LOC(image=IMAGE,object='TOP')
        IMAGE0=CROP(image=IMAGE,box=BOX0)
        BOX1=LOC(image=IMAGE0,object='vehicle')
        ANSWER0=COUNT(box=BOX1)
        ANSWER1=EVAL(expr="'yes' if {ANSWER0} > 0 else 'no'")
        FINAL_RESULT=RESULT(var=ANSWER1)
        """,
                """
        BOX0=LOC(image=IMAGE,object='table')
        IMAGE0=CROP_LEFTOF(image=IMAGE,box=BOX0)
        BOX1=LOC(image=IMAGE0,object='person')
        IMAGE1=CROP(image=IMAGE0,box=BOX1)
        ANSWER0=VQA(image=IMAGE1,question='What is the person wearing?')
        FINAL_RESULT=RESULT(var=ANSWER0)
        """,
                """
        BOX0=LOC(image=IMAGE,object='car')
        ANSWER0=COUNT(box=BOX0)
        BOX1=LOC(image=IMAGE,object='fence')
        ANSWER1=COUNT(box=BOX1)
        ANSWER2=EVAL(expr="'yes' if {ANSWER0} > 0 and {ANSWER1} > 0 else 'no'")
        FINAL_RESULT=RESULT(var=ANSWER2)
        """,
                """
        BOX0=LOC(image=IMAGE,object='sky')
        IMAGE0=CROP_BELOW(image=IMAGE,box=BOX0)
        IMAGE1=CROP_ABOVE(image=IMAGE0,box=BOX0)
        IMAGE2=CROP_RIGHTOF(image=IMAGE1,box=BOX0)
        ANSWER0=VQA(image=IMAGE2,question="What's the weather like?")
        FINAL_RESULT=RESULT(var=ANSWER0)
        """,
                """
        OBJ0=LOC(image=IMAGE,object='cube')
        OBJ1=SELECT(image=IMAGE,object=OBJ0,query='red',category=None)
        OBJ2=CLASSIFY(image=IMAGE,object=OBJ0,categories='red,blue,green')
        FINAL_RESULT=TAG(image=IMAGE,object=OBJ2)
        """,
            })
    void acceptsGqaAndTaggingPrograms(String source) throws InvalidProgramException {
        Program p = Programs.parse(source, REGISTRY, GQA);
        assertEquals(source, p.source());
        assertEquals(source.strip().lines().count(), p.steps().size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                """
        ANSWER0=VQA(image=LEFT,question='Is there a green frog held by a hand?')
        ANSWER1=VQA(image=RIGHT,question='Is there a green frog held by a hand?')
        ANSWER2=EVAL(expr='{ANSWER0} xor {ANSWER1}')
        FINAL_ANSWER=RESULT(var=ANSWER2)
        """,
                """
        ANSWER0=VQA(image=LEFT,question='How many dogs are in the image?')
        ANSWER1=VQA(image=RIGHT,question='How many dogs are in the image?')
        ANSWER2=EVAL(expr='{ANSWER0} + {ANSWER1} == 4')
        FINAL_ANSWER=RESULT(var=ANSWER2)
        """,
                """
        ANSWER0=VQA(image=LEFT,question='How many people are in the image?')
        ANSWER1=VQA(image=RIGHT,question='How many people are in the image?')
        ANSWER2=VQA(image=LEFT,question='How many boats are in the image?')
        ANSWER3=VQA(image=RIGHT,question='How many boats are in the image?')
        ANSWER4=EVAL(expr='{ANSWER0} + {ANSWER1} == 6 and {ANSWER2} + {ANSWER3} == 2')
        FINAL_ANSWER=RESULT(var=ANSWER4)
        """,
                """
        ANSWER0=VQA(image=LEFT,question='Is the dog asleep?')
        ANSWER1=VQA(image=RIGHT,question='Is the dog asleep?')
        ANSWER2=EVAL(expr='{ANSWER0} and not {ANSWER1}')
        FINAL_ANSWER=RESULT(var=ANSWER2)
        """,
            })
    void acceptsNlvrPrograms(String source) throws InvalidProgramException {
        assertEquals(
                source.strip().lines().count(),
                Programs.parse(source, REGISTRY, NLVR).steps().size());
    }

    @Test
    void buildsTheIr() throws InvalidProgramException {
        Program p = Programs.parse("""
                BOX0=LOC(image=IMAGE,object='dog')
                ANSWER0=COUNT(box=BOX0)
                FINAL_RESULT=RESULT(var=ANSWER0)""", REGISTRY, GQA);
        assertEquals(
                List.of("BOX0", "ANSWER0", "FINAL_RESULT"),
                p.steps().stream().map(Step::output).toList());
        assertEquals(
                List.of("LOC", "COUNT", "RESULT"),
                p.steps().stream().map(Step::module).toList());
        assertEquals(
                new ArgValue.VarRef("BOX0"),
                p.steps().get(1).arg("box").orElseThrow().value());
    }

    @Test
    void unknownModuleOnLine2AndUndefinedVariableOnLine3AreBothReported() {
        InvalidProgramException e =
                assertThrows(InvalidProgramException.class, () -> Programs.parse("""
                BOX0=LOC(image=IMAGE,object='dog')
                IMAGE0=CROP_NOT(image=IMAGE,box=BOX0)
                ANSWER0=VQA(image=IMAGE1,question='What is the dog doing?')
                FINAL_RESULT=RESULT(var=ANSWER0)""", REGISTRY, GQA));
        assertEquals(List.of(2, 3), e.errors().stream().map(ProgramError::line).toList());
        assertEquals("""
                [line 2:8] Error at 'CROP_NOT': Unknown module 'CROP_NOT'; did you mean CROP_ABOVE, CROP_BELOW or CROP_INFRONT?
                [line 3:19] Error at 'IMAGE1': Undefined variable 'IMAGE1'.""", e.getMessage());
    }

    @Test
    void syntaxAndValidationErrorsComeInOneReportSortedByPosition() {
        InvalidProgramException e =
                assertThrows(InvalidProgramException.class, () -> Programs.parse("""
                BOX0=LOC(image=IMAGE,object='dog',extra=1)
                ANSWER0=COUNT(box=BOX0
                ANSWER1=EVAL(expr="{ANSWER0} > 0 and {MISSING}")""", REGISTRY, GQA));
        assertEquals(
                List.of(
                        "[line 1:35] Error at 'LOC': Unknown argument 'extra'; expected one of: image, object.",
                        "[line 2:23] Error: Expect ',' or ')' after argument.",
                        "[line 3:38] Error at 'MISSING': Undefined variable 'MISSING' in EVAL expression."),
                e.errors().stream().map(ProgramError::format).toList());
    }

    @Test
    void aVariableAssignedOnABrokenLineIsNotReportedAgainWhereItIsUsed() {
        InvalidProgramException e =
                assertThrows(InvalidProgramException.class, () -> Programs.parse("""
                BOX0=LOC(image=IMAGE object='dog')
                ANSWER0=COUNT(box=BOX0)""", REGISTRY, GQA));
        assertEquals(1, e.errors().size());
    }

    @Test
    void initialVariablesAreImagesUnlessTypedOtherwise() throws InvalidProgramException {
        String source = "ANSWER0=VQA(image=IMAGE,question=QUESTION)";
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class, () -> Programs.parse(source, REGISTRY, Set.of("IMAGE", "QUESTION")));
        assertEquals(
                "[line 1:34] Error at 'VQA': Argument 'question' expects text but 'QUESTION' is an image.",
                e.getMessage());
        Programs.parse(source, REGISTRY, Map.of("IMAGE", ValueType.IMAGE, "QUESTION", ValueType.TEXT));
    }

    @Test
    void evalResultsAreAcceptedAnywhereAndCheckedAtRunTime() throws InvalidProgramException {
        Programs.parse("""
                ANSWER0=EVAL(expr="'dog'")
                BOX0=LOC(image=IMAGE,object=ANSWER0)""", REGISTRY, GQA);
    }

    @Test
    void optionalArgumentsMayBeOmittedOrNone() throws InvalidProgramException {
        Programs.parse("""
                OBJ0=LOC(image=IMAGE,object='cube')
                OBJ1=SELECT(image=IMAGE,object=OBJ0,query='red')
                OBJ2=SELECT(category=None,query='blue',object=OBJ0,image=IMAGE)""", REGISTRY, GQA);
    }
}
