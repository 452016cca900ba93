package org.sdvp.data.nlvr2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sdvp.core.evaluation.EvalResult;
import org.sdvp.core.evaluation.Evaluator;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.service.VqaRequest;
import org.sdvp.core.source.ProgramSource;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.core.source.Question;
import org.sdvp.data.Fixtures;

/**
 * NLVR2 through the evaluator: image pairs decoded by content (one is a JPEG named .png), a program per
 * sentence from a test program source, accuracy and consistency.
 */
class Nlvr2EvaluationTest {

    /** "Is there a red square?" answered from the pixels: yes when the image has red. */
    private static ModelServices pixelVqa() {
        return ModelServices.builder("pixels")
                .vqa(batch -> {
                    List<VqaAnswer> out = new ArrayList<>();
                    for (VqaRequest r : batch)
                        out.add(new VqaAnswer(hasRed(r.image().pixels()) ? "yes" : "no", 1));
                    return out;
                })
                .build();
    }

    private static boolean hasRed(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60) return true;
            }
        }
        return false;
    }

    /** A program for the red-square sentence only; the others have none (recorded as errors). */
    private static final ProgramSource PROGRAMS = new ProgramSource() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public String programFor(Question e) throws ProgramSourceException {
            if (!e.question().contains("red square")) throw new ProgramSourceException("no program for " + e.id());
            return """
                    ANSWER0=VQA(image=LEFT,question='Is there a red square?')
                    FINAL_ANSWER=RESULT(var=ANSWER0)
                    """;
        }
    };

    @Test
    void pairsAreScoredByAccuracyAndConsistency() throws Exception {
        Nlvr2Task task = new Nlvr2Task();
        Nlvr2Consistency.Listener consistency = new Nlvr2Consistency.Listener();
        Nlvr2Predictions predictions = new Nlvr2Predictions();
        try (ModelGateway gateway = new ModelGateway(pixelVqa())) {
            EvalResult r = new Evaluator(task, new VisProgInterpreter(), PROGRAMS, gateway, 2)
                    .run(task.open(Fixtures.NLVR2, "dev"), "dev", Map.of(), (ex, q, exec) -> {
                        consistency.questionDone(ex, q, exec);
                        predictions.questionDone(ex, q, exec);
                    });
            assertEquals(4, r.count());
            assertEquals(2, r.errors());
            // dev-0-0-0 (left: red square, True) and dev-0-1-0 (left: blue circle, a JPEG named .png, False) are right
            assertEquals(0.5, r.score(), 1e-12);
            assertEquals(
                    List.of("dev-1-0-1", "dev-1-1-1"),
                    r.misses().stream().map(m -> m.id()).toList());
            // sentence dev-0-0 right on both pairs; sentence dev-1-1 failed
            assertEquals(0.5, consistency.consistency(), 1e-12);
            // the task reports the same figure itself, into results.json and the summary
            assertEquals(Map.of("consistency", 0.5), r.aggregates());
            assertTrue(r.summary().endsWith("; consistency 0.5000"), r.summary());
            assertEquals(
                    List.of("dev-0-0-0,True", "dev-0-1-0,False", "dev-1-0-1,False", "dev-1-1-1,False"),
                    predictions.lines().stream().sorted().toList());
            assertEquals(2, predictions.unanswered());
        }
    }

    /**
     * Bad data in the middle of a run: a JPEG cut half-way (ImageIO would give it grey rows) and four bad
     * lines, each that statement's error by reason in results.json; the other statements are scored.
     */
    @Test
    void badLinesAndATruncatedJpegAreCountedByReasonAndTheRunCompletes(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path root = tmp.resolve("nlvr2");
        java.nio.file.Files.createDirectories(root.resolve("images/dev"));
        try (var images = java.nio.file.Files.list(Fixtures.NLVR2.resolve("images/dev"))) {
            for (java.nio.file.Path p : images.toList())
                java.nio.file.Files.copy(p, root.resolve("images/dev").resolve(p.getFileName()));
        }
        // dev-0-1's left image is the fixture's JPEG named .png: cut it half-way
        java.nio.file.Path jpeg = root.resolve("images/dev/dev-0-1-img0.png");
        byte[] bytes = java.nio.file.Files.readAllBytes(jpeg);
        java.nio.file.Files.write(jpeg, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String good = java.nio.file.Files.readString(Fixtures.NLVR2.resolve("dev.json"))
                .strip();
        java.nio.file.Files.writeString(
                root.resolve("dev.json"),
                good + "\n"
                        + "{\"identifier\": \"dev-2-0-0\" \"label\": \"True\"}\n"
                        + "{\"identifier\": \"dev-2-1-0\", \"sentence\": {\"a\": 1}, \"label\": \"True\"}\n"
                        + "{\"sentence\": \"a red square\", \"label\": \"True\"}\n"
                        + "{\"identifier\": \"dev-2-3-0\", \"sentence\": \"The left image contains a red sq");
        Nlvr2Task task = new Nlvr2Task();
        try (ModelGateway gateway = new ModelGateway(pixelVqa())) {
            EvalResult r = new Evaluator(task, new VisProgInterpreter(), PROGRAMS, gateway, 2)
                    .run(task.open(root, "dev"), "dev", Map.of(), null);
            assertEquals(8, r.count());
            assertEquals(
                    Map.of(
                            "truncated-image",
                            1,
                            "no-program",
                            2,
                            "malformed-json",
                            2,
                            "wrong-field-type",
                            1,
                            "missing-field",
                            1),
                    r.errorsByReason());
            assertEquals(1, r.count() - r.errors(), "dev-0-0-0 still answered");
        }
    }
}
