package org.sdvp.core.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The syntax stage alone: every VisProg construct it accepts, and one test per syntax error message
 * (scanner first, then parser, in the order the parser meets them).
 */
class ProgramParserTest {

    private static ProgramParser.Result parse(String source) {
        return ProgramParser.parse(source);
    }

    private static Step onlyStep(String source) {
        ProgramParser.Result r = parse(source);
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.program().steps().size());
        return r.program().steps().get(0);
    }

    private static List<String> errors(String source) {
        return parse(source).errors().stream().map(ProgramError::format).toList();
    }

    @Test
    void parsesAStepWithPositions() {
        Step s = onlyStep("BOX0=LOC(image=IMAGE,object='dog')");
        assertEquals(
                new Step(
                        1,
                        "BOX0",
                        "LOC",
                        List.of(
                                new Arg("image", new ArgValue.VarRef("IMAGE"), 10, 16),
                                new Arg("object", new ArgValue.Str("dog"), 22, 29)),
                        "BOX0=LOC(image=IMAGE,object='dog')",
                        6),
                s);
    }

    @Test
    void acceptsDoubleQuotedStringsContainingSingleQuotes() {
        Step s = onlyStep("ANSWER0=EVAL(expr=\"'yes' if {ANSWER0} > 0 else 'no'\")");
        assertEquals(
                new ArgValue.Str("'yes' if {ANSWER0} > 0 else 'no'"),
                s.args().get(0).value());
    }

    @Test
    void acceptsSingleQuotedStringsContainingDoubleQuotes() {
        Step s = onlyStep("A=VQA(image=IMAGE,question='Is the \"old\" car red?')");
        assertEquals(
                new ArgValue.Str("Is the \"old\" car red?"),
                s.arg("question").orElseThrow().value());
    }

    @Test
    void decodesBackslashEscapes() {
        Step s = onlyStep("A=VQA(image=IMAGE,question='What\\'s on the man\\\\s left?\\n')");
        assertEquals(
                new ArgValue.Str("What's on the man\\s left?\n"),
                s.arg("question").orElseThrow().value());
    }

    @Test
    void acceptsIntegerDecimalAndNegativeNumbers() {
        Step s = onlyStep("X=F(a=3,b=2.5,c=-1,d=-0.25,e=.5)");
        assertEquals(
                List.of(
                        new ArgValue.Num(3),
                        new ArgValue.Num(2.5),
                        new ArgValue.Num(-1),
                        new ArgValue.Num(-0.25),
                        new ArgValue.Num(0.5)),
                s.args().stream().map(Arg::value).toList());
    }

    @Test
    void noneIsALiteralNotAVariable() {
        Step s = onlyStep("OBJ1=SELECT(image=IMAGE,object=OBJ0,query='red',category=None)");
        assertEquals(new ArgValue.None(), s.arg("category").orElseThrow().value());
    }

    @Test
    void acceptsArgumentsInAnyOrderAndNoArguments() {
        assertEquals(
                "object",
                onlyStep("B=LOC(object='cat',image=IMAGE)").args().get(0).name());
        assertEquals(List.of(), onlyStep("X=NOTHING()").args());
    }

    @Test
    void toleratesWhitespaceBlankLinesCommentsAndCrlf() {
        String source = "# find the dog\r\n\r\n   BOX0 = LOC ( image = IMAGE , object = 'dog' )   # trailing\r\n"
                + "\t\n   # indented comment\nFINAL_RESULT=RESULT(var=BOX0)\n";
        ProgramParser.Result r = parse(source);
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(3, 6), r.program().steps().stream().map(Step::line).toList());
        Step first = r.program().steps().get(0);
        assertEquals("BOX0 = LOC ( image = IMAGE , object = 'dog' )   # trailing", first.text());
        assertEquals(11, first.moduleColumn());
    }

    @Test
    void finalResultAndFinalAnswerAreOrdinaryOutputs() {
        assertEquals(
                "FINAL_ANSWER", onlyStep("FINAL_ANSWER=RESULT(var=ANSWER2)").output());
        assertEquals(
                "FINAL_RESULT", onlyStep("FINAL_RESULT=RESULT(var=ANSWER2)").output());
    }

    @Test
    void keepsTheSourceOnTheProgram() {
        String source = "A=VQA(image=IMAGE,question='q')\n";
        assertEquals(source, parse(source).program().source());
    }

    @Test
    void unexpectedCharacter() {
        assertEquals(
                List.of("[line 1:36] Error at '$': Unexpected character."),
                errors("BOX0=LOC(image=IMAGE,object='dog') $"));
    }

    @Test
    void everyBadCharacterOnALineIsReported() {
        assertEquals(
                List.of("[line 1:5] Error at '@': Unexpected character.", "[line 1:29] Error: Unterminated string."),
                errors("BOX0@LOC(image=IMAGE,object='dog)"));
    }

    @Test
    void aMinusOrPointWithoutDigitsIsAnUnexpectedCharacter() {
        assertEquals(
                List.of(
                        "[line 1:7] Error at '-': Unexpected character.",
                        "[line 1:11] Error at '.': Unexpected character."),
                errors("X=F(a=-,b=..5)"));
    }

    @Test
    void unterminatedString() {
        assertEquals(List.of("[line 1:29] Error: Unterminated string."), errors("BOX0=LOC(image=IMAGE,object='dog)"));
    }

    @Test
    void missingOutputVariable() {
        assertEquals(
                List.of("[line 1:1] Error at '=': Expect a variable name at the start of the statement."),
                errors("=LOC(image=IMAGE,object='dog')"));
    }

    @Test
    void missingEquals() {
        assertEquals(
                List.of("[line 1:6] Error at 'LOC': Expect '=' after 'BOX0'."),
                errors("BOX0 LOC(image=IMAGE,object='dog')"));
    }

    @Test
    void missingModuleName() {
        assertEquals(
                List.of("[line 1:6] Error at '(': Expect a module name after '='."),
                errors("BOX0=(image=IMAGE,object='dog')"));
    }

    @Test
    void missingOpeningParenthesis() {
        assertEquals(
                List.of("[line 1:10] Error at 'image': Expect '(' after module name 'LOC'."),
                errors("BOX0=LOC image=IMAGE,object='dog')"));
    }

    @Test
    void missingArgumentName() {
        assertEquals(List.of("[line 1:22] Error at ')': Expect an argument name."), errors("BOX0=LOC(image=IMAGE,)"));
    }

    @Test
    void positionalArgument() {
        assertEquals(
                List.of("[line 1:15] Error at ',': Expect '=' after argument name 'IMAGE'; "
                        + "arguments are written name=value."),
                errors("BOX0=LOC(IMAGE,object='dog')"));
    }

    @Test
    void missingArgumentValue() {
        assertEquals(
                List.of("[line 1:29] Error at ')': Expect a value after 'object=': "
                        + "a variable, a string, a number or None."),
                errors("BOX0=LOC(image=IMAGE,object=)"));
    }

    @Test
    void missingCommaBetweenArguments() {
        assertEquals(
                List.of("[line 1:22] Error at 'object': Expect ',' or ')' after argument."),
                errors("BOX0=LOC(image=IMAGE object='dog')"));
    }

    @Test
    void missingClosingParenthesisAtEndOfLine() {
        assertEquals(List.of("[line 1:21] Error: Expect ',' or ')' after argument."), errors("BOX0=LOC(image=IMAGE"));
    }

    @Test
    void textAfterTheStatement() {
        assertEquals(
                List.of("[line 1:36] Error at 'BOX1': Expect end of line after ')'."),
                errors("BOX0=LOC(image=IMAGE,object='dog') BOX1=LOC(image=IMAGE,object='cat')"));
    }

    @Test
    void recoversAtTheNextLineSoEveryBadLineIsReported() {
        ProgramParser.Result r = parse("""
                BOX0=LOC(image=IMAGE object='dog')
                ANSWER0=COUNT(box=BOX0)
                ANSWER1=EVAL(expr='{ANSWER0} > 0'
                FINAL_RESULT=RESULT(var=ANSWER1)""");
        assertEquals(
                List.of(
                        "[line 1:22] Error at 'object': Expect ',' or ')' after argument.",
                        "[line 3:34] Error: Expect ',' or ')' after argument."),
                r.errors().stream().map(ProgramError::format).toList());
        assertEquals(List.of(2, 4), r.program().steps().stream().map(Step::line).toList());
        assertEquals(List.of("BOX0", "ANSWER1"), List.copyOf(r.brokenOutputs()));
    }

    @Test
    void sourceIndexInvertsEscapes() {
        String line = "A=EVAL(expr='\\'x\\' + {B}')";
        int quote = line.indexOf('\'');
        // decoded: 'x' + {B}  -> the '{' is decoded index 6
        assertTrue(line.charAt(ProgramScanner.sourceIndex(line, quote, 6)) == '{');
    }
}
