package org.sdvp.core.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.steps.AbstractStepModule;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.value.NoneValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/** One test per validation message, each asserting the exact report of {@link Programs#parse}. */
class ProgramValidatorTest {
    private static final ModuleRegistry STANDARD = StandardModules.registry();

    static List<String> errors(String source) {
        return errors(source, STANDARD);
    }

    static List<String> errors(String source, ModuleRegistry registry) {
        InvalidProgramException e =
                assertThrows(InvalidProgramException.class, () -> Programs.parse(source, registry, Set.of("IMAGE")));
        return e.errors().stream().map(ProgramError::format).toList();
    }

    @Test
    void unknownModuleSuggestsTheNearestNames() {
        assertEquals(
                List.of("[line 2:8] Error at 'CROP_NOT': Unknown module 'CROP_NOT'; "
                        + "did you mean CROP_ABOVE, CROP_BELOW or CROP_INFRONT?"),
                errors("""
                        BOX0=LOC(image=IMAGE,object='dog')
                        IMAGE0=CROP_NOT(image=IMAGE,box=BOX0)"""));
    }

    @Test
    void unknownModuleMatchesIgnoringCase() {
        assertEquals(
                List.of("[line 1:6] Error at 'loc': Unknown module 'loc'; did you mean LOC?"),
                errors("BOX0=loc(image=IMAGE,object='dog')"));
    }

    @Test
    void unknownModuleFarFromAnyListsTheKnownOnes() {
        assertEquals(
                List.of("[line 1:3] Error at 'FROBNICATE': Unknown module 'FROBNICATE'; known modules: LOC, "
                        + "COUNT, CROP, CROP_LEFTOF, CROP_RIGHTOF, CROP_ABOVE, CROP_BELOW, CROP_FRONTOF, CROP_INFRONTOF, "
                        + "CROP_INFRONT, CROP_AHEAD, CROP_BEHIND, VQA, EVAL, RESULT, SELECT, CLASSIFY, TAG, FACEDET, LIST, "
                        + "SEG, COLORPOP, BGBLUR, REPLACE, EMOJI."),
                errors("X=FROBNICATE(image=IMAGE)"));
    }

    @Test
    void undefinedVariable() {
        assertEquals(
                List.of("[line 1:19] Error at 'BOX0': Undefined variable 'BOX0'."), errors("ANSWER0=COUNT(box=BOX0)"));
    }

    @Test
    void variableUsedBeforeItIsAssigned() {
        assertEquals(
                List.of("[line 1:19] Error at 'BOX0': Variable 'BOX0' is used before it is assigned (line 2)."),
                errors("""
                        ANSWER0=COUNT(box=BOX0)
                        BOX0=LOC(image=IMAGE,object='dog')"""));
    }

    @Test
    void undefinedVariableIsReportedEvenInACallToAnUnknownModule() {
        assertEquals(
                List.of(
                        "[line 1:3] Error at 'FOO': Unknown module 'FOO'; known modules: LOC, COUNT, CROP, "
                                + "CROP_LEFTOF, CROP_RIGHTOF, CROP_ABOVE, CROP_BELOW, CROP_FRONTOF, CROP_INFRONTOF, CROP_INFRONT, CROP_AHEAD, CROP_BEHIND, VQA, EVAL, RESULT, SELECT, CLASSIFY, TAG, FACEDET, LIST, SEG, COLORPOP, BGBLUR, REPLACE, EMOJI.",
                        "[line 1:13] Error at 'NOPE': Undefined variable 'NOPE'."),
                errors("X=FOO(image=NOPE)"));
    }

    @Test
    void missingRequiredArgument() {
        assertEquals(
                List.of("[line 1:6] Error at 'LOC': Missing required argument 'object'."),
                errors("BOX0=LOC(image=IMAGE)"));
    }

    @Test
    void unknownArgumentListsTheExpectedOnes() {
        assertEquals(
                List.of(
                        "[line 1:6] Error at 'LOC': Missing required argument 'object'.",
                        "[line 1:22] Error at 'LOC': Unknown argument 'obj'; expected one of: image, object."),
                errors("BOX0=LOC(image=IMAGE,obj='dog')"));
    }

    @Test
    void unknownArgumentOfAModuleWithoutParameters() {
        ModuleRegistry registry = ModuleRegistry.of(List.of(new AbstractStepModule("NOW", ValueType.TEXT, "no args") {
            @Override
            public Value execute(Map<String, Value> args, StepContext ctx) {
                return NoneValue.INSTANCE;
            }
        }));
        assertEquals(
                List.of("[line 1:7] Error at 'NOW': Unknown argument 'when'; it takes no arguments."),
                errors("T=NOW(when='today')", registry));
    }

    @Test
    void duplicateArgument() {
        assertEquals(
                List.of("[line 1:35] Error at 'LOC': Duplicate argument 'object'."),
                errors("BOX0=LOC(image=IMAGE,object='dog',object='cat')"));
    }

    @Test
    void variableOfTheWrongType() {
        assertEquals(
                List.of("[line 1:29] Error at 'CROP': Argument 'box' expects boxes but 'IMAGE' is an image."),
                errors("IMAGE0=CROP(image=IMAGE,box=IMAGE)"));
    }

    @Test
    void typesFollowTheResultTypeOfTheAssigningModule() {
        assertEquals(
                List.of("[line 3:16] Error at 'LOC': Argument 'image' expects an image but 'ANSWER0' is a number."),
                errors("""
                        BOX0=LOC(image=IMAGE,object='dog')
                        ANSWER0=COUNT(box=BOX0)
                        BOX1=LOC(image=ANSWER0,object='cat')"""));
    }

    @Test
    void textLiteralOfTheWrongType() {
        assertEquals(
                List.of("[line 1:16] Error at 'LOC': Argument 'image' expects an image but got text."),
                errors("BOX0=LOC(image='photo.jpg',object='dog')"));
    }

    @Test
    void numberLiteralOfTheWrongType() {
        assertEquals(
                List.of("[line 1:34] Error at 'VQA': Argument 'question' expects text but got a number."),
                errors("ANSWER0=VQA(image=IMAGE,question=3)"));
    }

    @Test
    void noneForARequiredArgument() {
        assertEquals(
                List.of("[line 1:29] Error at 'LOC': Argument 'object' is required and cannot be None."),
                errors("BOX0=LOC(image=IMAGE,object=None)"));
    }

    @Test
    void malformedEvalExpressionPointsInsideTheString() {
        assertEquals(
                List.of("[line 1:33] Error: Malformed EVAL expression: Expect 'else' after the condition of 'if'."),
                errors("ANSWER0=EVAL(expr=\"'yes' if True\")"));
    }

    @Test
    void malformedEvalExpressionColumnAccountsForEscapes() {
        // '&' is column 10 of the decoded expression 'x' == 1 & 2 but column 25 of the line (two escapes)
        assertEquals(
                List.of("[line 1:25] Error at '&': Malformed EVAL expression: Unexpected character."),
                errors("A=EVAL(expr='\\'x\\' == 1 & 2')"));
    }

    @Test
    void undefinedVariableInEvalExpression() {
        assertEquals(
                List.of("[line 1:20] Error at 'ANSWER9': Undefined variable 'ANSWER9' in EVAL expression."),
                errors("ANSWER0=EVAL(expr=\"{ANSWER9} > 0\")"));
    }

    @Test
    void evalPlaceholderUsedBeforeItIsAssigned() {
        assertEquals(
                List.of("[line 1:20] Error at 'ANSWER0': Variable 'ANSWER0' is used in EVAL expression "
                        + "before it is assigned (line 1)."),
                errors("ANSWER0=EVAL(expr=\"{ANSWER0}\")"));
    }

    @Test
    void emptyProgram() {
        assertEquals(List.of("[line 1] Error: Program has no steps."), errors(""));
        assertEquals(List.of("[line 1] Error: Program has no steps."), errors("# only a comment\n\n"));
    }
}
