package org.sdvp.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sdvp.core.module.ModuleRegistry;
import org.sdvp.core.module.steps.StandardModules;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.Programs;
import org.sdvp.llm.client.ChatMessage;

class PromptTemplateTest {

    /**
     * Every in-context example of every shipped VisProg prompt parses and validates against the standard
     * modules. (The ViperGPT prompts' examples pass the viper static check: ViperPromptsTest in sdvp-cli.)
     */
    @TestFactory
    Stream<DynamicTest> everyExampleValidates() {
        ModuleRegistry registry = StandardModules.registry();
        return Prompts.versions().stream()
                .map(PromptTemplate::load)
                .filter(t -> t.language().equals("visprog"))
                .flatMap(t -> {
                    String version = t.version();
                    return t.examples().stream()
                            .map(ex -> DynamicTest.dynamicTest(version + ":" + ex.line() + " " + ex.question(), () -> {
                                try {
                                    Programs.parse(ex.program(), registry, t.initialVariables());
                                } catch (InvalidProgramException e) {
                                    throw new AssertionError(
                                            version + ":" + ex.line() + " is invalid:\n" + e.getMessage());
                                }
                            }));
                });
    }

    @Test
    void shippedPromptsHaveTheirInitialVariables() {
        assertEquals(Set.of("IMAGE"), PromptTemplate.load("visprog-single-v1").initialVariables());
        assertEquals(
                Set.of("LEFT", "RIGHT"), PromptTemplate.load("visprog-pair-v1").initialVariables());
        assertEquals("Statement", PromptTemplate.load("visprog-real-pair-v1").label());
        for (String v : Prompts.versions())
            assertTrue(PromptTemplate.load(v).examples().size() >= 5, v);
    }

    @Test
    void renderPutsInstructionInSystemAndQuestionLast() {
        PromptTemplate t = PromptTemplate.load("visprog-single-v1");
        List<ChatMessage> m = t.render("How many\ncones are there?");
        assertEquals(ChatMessage.Role.SYSTEM, m.get(0).role());
        assertTrue(m.get(0).content().contains("cylinder"));
        String user = m.get(1).content();
        assertTrue(user.endsWith("Question: How many cones are there?\nProgram:\n"), user);
        assertTrue(user.startsWith("Question: How many red cubes are there?\nProgram:\nBOX0=LOC("), user);
    }

    @Test
    void parseRejectsMalformedFilesWithLine() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PromptTemplate.parse(
                        "x",
                        "initial: IMAGE\n=== instruction\nDo it.\n=== examples\nQuestion: a?\nBOX0=LOC(image=IMAGE,object='a')\n"));
        assertTrue(e.getMessage().startsWith("x:6: expected 'Program:'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PromptTemplate.load("no-such-prompt"));
    }

    @Test
    void styleChoice() {
        assertEquals(Prompts.Style.WORLD, Prompts.Style.choose("auto", "gqa-sim"));
        assertEquals(Prompts.Style.REAL, Prompts.Style.choose("auto", "gqa"));
        assertEquals(Prompts.Style.REAL, Prompts.Style.choose("real", "nlvr-sim"));
        assertEquals("visprog-pair-v1", Prompts.Style.WORLD.version(true));
        assertFalse(Prompts.versions().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Prompts.Style.choose("fancy", "gqa"));
        assertEquals(Prompts.Style.VIPER_WORLD, Prompts.Style.choose("auto", "nlvr-sim", "viper"));
        assertEquals(
                "viper-real-single-v1",
                Prompts.Style.choose("auto", "gqa", "viper").version(false));
        assertEquals(Prompts.Style.WORLD, Prompts.Style.choose("auto", "gqa-sim", "visprog"));
    }

    @Test
    void aPythonPromptKeepsIndentationAndWhereEachExampleCameFrom() {
        PromptTemplate t = PromptTemplate.load("viper-single-v1");
        assertEquals("python", t.language());
        PromptExample first = t.examples().get(0);
        assertEquals("gqa-sim train seed=1 count=60 index=1", first.from());
        assertTrue(
                first.program().startsWith("def execute_command(image):\n    image_patch = ImagePatch(image)\n"),
                first.program());
        String user = t.render("Is it red?").get(1).content();
        assertTrue(!user.contains("From:"), "where an example came from is not part of the prompt");
        assertTrue(user.endsWith("Question: Is it red?\nProgram:\n"), user);
    }
}
