package org.sdvp.viper.runner;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.ProgramError;
import org.sdvp.viper.sandbox.PythonSandbox;

/** The static check a generated program must pass before anything of it runs: every problem, with its line. */
class StaticCheckTest {
    private static final ViperFramework VIPER = new ViperFramework(PythonSandbox.shared());
    private static final Set<String> ONE = Set.of("IMAGE");

    private static List<ProgramError> problems(String source, Set<String> images) {
        return assertThrows(InvalidProgramException.class, () -> VIPER.check(source, images))
                .errors();
    }

    @Test
    void anIdiomaticProgramPasses() {
        String program = """
                import math
                from collections import Counter
                def execute_command(image):
                    image_patch = ImagePatch(image)
                    cubes = image_patch.find('cube')
                    names = [c.simple_query('What color is it?').lower().strip() for c in cubes]
                    counts = Counter(names)
                    cubes.sort(key=lambda c: c.horizontal_center)
                    if not cubes:
                        return bool_to_yesno(image_patch.exists('sphere'))
                    best = best_image_match(cubes, ['red cube'])
                    left = image_patch.crop(0, 0, best.left, image_patch.height)
                    return str(len(left.find('sphere')) + math.floor(coerce_to_numeric('1')) + len(counts))
                """;
        assertDoesNotThrow(() -> VIPER.check(program, ONE));
        assertDoesNotThrow(() -> VIPER.check(
                "def execute_command(left, right):\n"
                        + "    return ImagePatch(left).exists('dog') and ImagePatch(right).verify_property('dog', 'black')\n",
                Set.of("LEFT", "RIGHT")));
    }

    @Test
    void aTranslatedVisProgProgramPasses() {
        assertDoesNotThrow(() -> VIPER.check(
                "BOX0=LOC(image=IMAGE,object='cube')\nANSWER0=COUNT(box=BOX0)\n" + "FINAL_RESULT=RESULT(var=ANSWER0)",
                ONE));
    }

    @Test
    void aSyntaxErrorIsReportedWithItsLine() {
        List<ProgramError> p = problems("def execute_command(image):\n    x = (1\n    return x\n", ONE);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("Python syntax error"), p.toString());
        assertTrue(p.get(0).line() >= 2, p.toString());
    }

    @Test
    void unknownMethodsAndFunctionsAreNamedWithASuggestion() {
        List<ProgramError> p = problems("""
                def execute_command(image):
                    patch = ImagePatch(image)
                    found = patch.find_objects('cube')
                    return bool_to_yes_no(len(found) > 0)
                """, ONE);
        assertEquals(List.of(3, 4), p.stream().map(ProgramError::line).toList(), p.toString());
        assertTrue(
                p.get(0).message().contains("unknown method find_objects"),
                p.get(0).message());
        assertTrue(p.get(0).message().contains("did you mean find"), p.get(0).message());
        assertTrue(
                p.get(1).message().contains("unknown function bool_to_yes_no; did you mean bool_to_yesno"),
                p.get(1).message());
    }

    @Test
    void wrongArityAndUnknownKeywordsAreReported() {
        List<ProgramError> p = problems("""
                def execute_command(image):
                    patch = ImagePatch(image)
                    a = patch.find('cube', 'sphere')
                    b = patch.verify_property('cube')
                    c = patch.best_text_match(['a', 'b'], prefix='x', suffix='y')
                    d = best_image_match()
                    return patch.simple_query()
                """, ONE);
        assertEquals(List.of(3, 4, 5, 6), p.stream().map(ProgramError::line).toList(), p.toString());
        assertTrue(
                p.get(0).message().contains("find(object_name) takes at most 1 argument, 2 given"),
                p.get(0).message());
        assertTrue(
                p.get(1).message().contains("needs at least 2 arguments, 1 given"),
                p.get(1).message());
        assertTrue(
                p.get(2).message().contains("has no parameter 'suffix'"),
                p.get(2).message());
    }

    @Test
    void executeCommandMustTakeOneParameterPerImage() {
        List<ProgramError> single = problems("def execute_command(left, right):\n    return 'yes'\n", ONE);
        assertTrue(single.get(0).message().contains("it must be execute_command(image)"), single.toString());
        List<ProgramError> pair = problems("def execute_command(image):\n    return 'yes'\n", Set.of("LEFT", "RIGHT"));
        assertTrue(pair.get(0).message().contains("execute_command(left, right)"), pair.toString());
        List<ProgramError> none = problems("def main(image):\n    return 'yes'\n", ONE);
        assertTrue(none.get(0).message().contains("must define execute_command(image)"), none.toString());
    }

    @Test
    void hostileCodeFailsTheScreenWithEveryLine() {
        List<ProgramError> p = problems("""
                import os
                def execute_command(image):
                    x = ImagePatch(image).__class__
                    return eval('1')
                """, ONE);
        assertEquals(List.of(1, 3, 4), p.stream().map(ProgramError::line).toList(), p.toString());
        assertTrue(p.get(0).message().contains("import os (only "), p.get(0).message());
        assertTrue(p.get(1).message().contains("name __class__"), p.get(1).message());
        assertTrue(p.get(2).message().contains("builtin eval"), p.get(2).message());
    }
}
