package org.sdvp.viper.runner;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sdvp.core.interp.Framework;
import org.sdvp.core.interp.Frameworks;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.viper.sandbox.PythonSandbox;
import org.sdvp.viper.testing.SceneModels;
import org.sdvp.viper.testing.ViperTesting;

class ViperFrameworkTest {

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        Framework viper = assertDoesNotThrow(() -> Frameworks.create("viper"));
        assertEquals(ViperFramework.class, viper.getClass());
        assertEquals("viper", viper.name());
    }

    @Test
    void checkReportsSyntaxErrorsAndAMissingEntryPoint() {
        Framework viper = new ViperFramework(PythonSandbox.shared());
        assertDoesNotThrow(() -> viper.check("def execute_command(image):\n    return 1\n", Set.of("IMAGE")));
        InvalidProgramException syntax = assertThrows(
                InvalidProgramException.class,
                () -> viper.check("def execute_command(image):\n    return (1\n", Set.of("IMAGE")));
        assertTrue(syntax.errors().get(0).line() >= 2, syntax.getMessage());
        InvalidProgramException entry = assertThrows(
                InvalidProgramException.class, () -> viper.check("def main(image):\n    return 1\n", Set.of("IMAGE")));
        assertTrue(entry.getMessage().contains("execute_command"), entry.getMessage());
    }

    @Test
    void executeWithTheQuestionFallsBackAndCounts() throws Exception {
        ViperFramework viper = new ViperFramework(PythonSandbox.shared());
        try (ModelGateway gw = new ModelGateway(new SceneModels().services())) {
            var e = viper.execute("def execute_command(:", Map.of("IMAGE", SceneModels.image()), gw, "Is this a test?");
            assertEquals("yes", ViperTesting.answer(e));
            assertEquals(1, viper.fallbackCount());
            assertThrows(
                    InvalidProgramException.class,
                    () -> viper.execute("def execute_command(:", Map.of("IMAGE", SceneModels.image()), gw));
        }
    }
}
