package org.sdvp.cli.distill;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sdvp.core.io.DataException;
import org.sdvp.distill.experiment.ProgramEvaluator;
import picocli.CommandLine;

/** {@code sdvp experiment --programs llm [--samples K]}: checked before anything runs, wired to the rows' evaluator. */
class ExperimentProgramsOptionTest {
    private static ExperimentCommand parse(String... args) {
        ExperimentCommand c = new ExperimentCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void llmProgramsNeedAnEndpointAndSamplesNeedLlmPrograms() {
        DataException noUrl = assertThrows(
                DataException.class,
                () -> parse("--out", "x", "--programs", "llm").parts(1));
        assertTrue(noUrl.getMessage().contains("--llm-base-url"), noUrl.getMessage());
        DataException samples = assertThrows(
                DataException.class, () -> parse("--out", "x", "--samples", "3").parts(1));
        assertTrue(samples.getMessage().contains("--programs llm"), samples.getMessage());
        assertThrows(
                DataException.class,
                () -> parse("--out", "x", "--programs", "file.jsonl").parts(1));
    }

    @Test
    void llmProgramsReplaceTheRowsEvaluator() throws Exception {
        var parts = parse(
                        "--out",
                        "x",
                        "--programs",
                        "llm",
                        "--samples",
                        "5",
                        "--llm-base-url",
                        "http://127.0.0.1:9/v1",
                        "--llm-model",
                        "m",
                        "--frameworks",
                        "visprog,viper")
                .parts(1);
        assertInstanceOf(ProgramEvaluator.class, parts.evaluator());
        assertNotSame(
                org.sdvp.distill.experiment.ExperimentRunner.Parts.real(1)
                        .evaluator()
                        .getClass(),
                parts.evaluator());
    }
}
