package org.sdvp.cli.llm;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sdvp.llm.prompt.PromptExample;
import org.sdvp.llm.prompt.PromptTemplate;
import org.sdvp.llm.prompt.Prompts;
import org.sdvp.viper.runner.ViperFramework;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.task.DatasetGenerator;
import org.sdvp.world.task.GeneratedExample;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * The ViperGPT prompts: every in-context example comes from a train split (regenerated here and compared
 * word for word) or was written for sdvp, never from a val or test split; every example passes the static
 * check a generated program must pass.
 */
class ViperPromptsTest {
    private static final Pattern WORLD = Pattern.compile("([a-z0-9-]+) (\\S+) seed=(\\d+) count=(\\d+) index=(\\d+)");
    private static final List<Prompts.Style> VIPER = List.of(Prompts.Style.VIPER_WORLD, Prompts.Style.VIPER_REAL);

    /** Why the example may leak an evaluation question (empty when it is from a train split or written). */
    static Optional<String> leak(PromptExample e) {
        if (e.from().equals("written for sdvp")) return Optional.empty();
        Matcher m = WORLD.matcher(e.from());
        if (!m.matches()) return Optional.of("line " + e.line() + ": unknown origin '" + e.from() + "'");
        if (!m.group(2).equals("train")) return Optional.of("line " + e.line() + ": from the " + m.group(2) + " split");
        WorldTaskSpec task = WorldTaskSpec.get(m.group(1));
        var request = new DatasetGenerator.Request(
                task,
                "train",
                Integer.parseInt(m.group(4)),
                Long.parseLong(m.group(3)),
                task.defaultStyle(),
                Path.of("unused"),
                SceneGenerator.Config.defaults());
        List<GeneratedExample> drawn = new DatasetGenerator().draw(request);
        String text = drawn.get(Integer.parseInt(m.group(5))).question().text();
        return text.equals(e.question())
                ? Optional.empty()
                : Optional.of("line " + e.line() + ": " + e.from() + " is '" + text + "', not '" + e.question() + "'");
    }

    @Test
    void everyExampleIsFromATrainSplitOrWritten() {
        List<String> leaks = new ArrayList<>();
        int drawn = 0;
        for (Prompts.Style style : VIPER) {
            for (boolean pair : List.of(false, true)) {
                PromptTemplate p = Prompts.get(style, pair);
                for (PromptExample e : p.examples()) {
                    assertFalse(e.from().isEmpty(), p.version() + " line " + e.line() + " has no From: line");
                    leak(e).ifPresent(why -> leaks.add(p.version() + " " + why));
                    if (!e.from().startsWith("written")) drawn++;
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(drawn >= 10, "the world prompts' examples are drawn from world train splits: " + drawn);
    }

    @Test
    void anExampleFromAValOrTestSplitOrWithTheWrongTextIsCaught() {
        assertTrue(leak(new PromptExample("Is the sphere red?", "", 1, "gqa-sim val seed=1 count=60 index=17"))
                .isPresent());
        assertTrue(leak(new PromptExample("Is the sphere red?", "", 1, "gqa-sim test seed=1 count=60 index=17"))
                .isPresent());
        assertTrue(leak(new PromptExample("Is the sphere blue?", "", 1, "gqa-sim train seed=1 count=60 index=17"))
                .isPresent());
        assertEquals(
                Optional.empty(),
                leak(new PromptExample("Is the sphere red?", "", 1, "gqa-sim train seed=1 count=60 index=17")));
    }

    @Test
    void everyExamplePassesTheStaticCheck() {
        ViperFramework viper = new ViperFramework(PythonSandbox.shared());
        for (Prompts.Style style : VIPER) {
            for (boolean pair : List.of(false, true)) {
                PromptTemplate p = Prompts.get(style, pair);
                assertEquals("python", p.language());
                for (PromptExample e : p.examples()) {
                    assertDoesNotThrow(
                            () -> viper.check(e.program(), p.initialVariables()), p.version() + " line " + e.line());
                }
            }
        }
    }
}
