package org.sdvp.core.program;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.steps.StandardModules;

/**
 * No input, however broken, makes the front end throw anything but {@link InvalidProgramException}: not
 * random text, and not valid VisProg programs with random edits (the inputs an LLM actually produces).
 */
class ProgramsPropertyTest {
    private static final ModuleRegistry REGISTRY = StandardModules.registry();
    private static final Set<String> INITIAL = Set.of("IMAGE", "LEFT", "RIGHT");

    private static final List<String> VALID = List.of("""
            BOX0=LOC(image=IMAGE,object='car')
            ANSWER0=COUNT(box=BOX0)
            BOX1=LOC(image=IMAGE,object='fence')
            ANSWER1=COUNT(box=BOX1)
            ANSWER2=EVAL(expr="'yes' if {ANSWER0} > 0 and {ANSWER1} > 0 else 'no'")
            FINAL_RESULT=RESULT(var=ANSWER2)""", """
            BOX0=LOC(image=IMAGE,object='table')
            IMAGE0=CROP_LEFTOF(image=IMAGE,box=BOX0)
            BOX1=LOC(image=IMAGE0,object='person')
            IMAGE1=CROP(image=IMAGE0,box=BOX1)
            ANSWER0=VQA(image=IMAGE1,question='What is the person\\'s shirt color?')
            FINAL_RESULT=RESULT(var=ANSWER0)""", """
            ANSWER0=VQA(image=LEFT,question='How many dogs are in the image?')
            ANSWER1=VQA(image=RIGHT,question='How many dogs are in the image?')
            ANSWER2=EVAL(expr='{ANSWER0} + {ANSWER1} == 4 xor -1.5 < 0')
            FINAL_ANSWER=RESULT(var=ANSWER2)""", """
            OBJ0=LOC(image=IMAGE,object='cube')
            OBJ1=SELECT(image=IMAGE,object=OBJ0,query='red',category=None)
            FINAL_RESULT=TAG(image=IMAGE,object=OBJ1)""");

    private static final String ALPHABET = "=(),'\"\\{}#-. 0123456789ABIMGE_xyz\n\t$";

    /** One random edit; positions are taken modulo the text's length when applied. */
    record Edit(int kind, int position, char c, int other) {
        String applyTo(String text) {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            int at = text.isEmpty() ? 0 : Math.floorMod(position, text.length());
            int line = Math.floorMod(position, lines.size());
            int line2 = Math.floorMod(other, lines.size());
            switch (kind) {
                case 0:
                    return text.isEmpty() ? text : text.substring(0, at) + text.substring(at + 1);
                case 1:
                    return text.substring(0, at) + c + text.substring(at);
                case 2:
                    return text.isEmpty() ? text : text.substring(0, at) + c + text.substring(at + 1);
                case 3:
                    lines.add(line, lines.get(line));
                    return String.join("\n", lines);
                case 4:
                    lines.set(line, lines.set(line2, lines.get(line)));
                    return String.join("\n", lines);
                default:
                    lines.remove(line);
                    return String.join("\n", lines);
            }
        }
    }

    @Property(tries = 300)
    void randomTextIsRejectedOnlyWithInvalidProgram(@ForAll @StringLength(max = 300) String source) {
        parseOrInvalid(source);
    }

    @Property(tries = 300)
    void randomProgramCharactersAreRejectedOnlyWithInvalidProgram(@ForAll("programCharacters") String source) {
        parseOrInvalid(source);
    }

    @Property(tries = 1500)
    void mutatedValidProgramsAreRejectedOnlyWithInvalidProgram(@ForAll("mutants") String source) {
        parseOrInvalid(source);
    }

    @Property(tries = 50)
    void theUnmutatedProgramsAreValid(@ForAll("valid") String source) throws InvalidProgramException {
        assertFalse(Programs.parse(source, REGISTRY, INITIAL).steps().isEmpty());
    }

    /** Parses; on failure the report is well-formed: non-empty, sorted, every position inside the source. */
    private static void parseOrInvalid(String source) {
        try {
            Programs.parse(source, REGISTRY, INITIAL);
        } catch (InvalidProgramException e) {
            assertFalse(e.errors().isEmpty());
            int lineCount = ProgramParser.lines(source).length;
            ProgramError previous = null;
            for (ProgramError error : e.errors()) {
                assertTrue(error.line() >= 1 && error.line() <= lineCount, error.format());
                int width = ProgramParser.lines(source)[error.line() - 1].length();
                assertTrue(error.column() >= 0 && error.column() <= width + 1, error.format());
                if (previous != null) {
                    assertTrue(previous.line() < error.line()
                            || (previous.line() == error.line() && previous.column() <= error.column()));
                }
                previous = error;
            }
        }
    }

    @Provide
    Arbitrary<String> valid() {
        return Arbitraries.of(VALID);
    }

    @Provide
    Arbitrary<String> programCharacters() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<Edit> edit = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                                Arbitraries.integers().between(0, 10_000),
                        Arbitraries.of(ALPHABET.toCharArray()),
                                Arbitraries.integers().between(0, 10_000))
                .as(Edit::new);
        return Combinators.combine(valid(), edit.list().ofMinSize(1).ofMaxSize(6))
                .as((program, edits) -> {
                    String text = program;
                    for (Edit e : edits) text = e.applyTo(text);
                    return text;
                });
    }
}
