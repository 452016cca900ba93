package org.sdvp.backends.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.backends.Fixtures;
import org.sdvp.backends.config.Role;
import org.sdvp.backends.engine.TorchScriptEngine;
import org.sdvp.backends.service.OwnModel;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.BackendException;

/**
 * Training a user's TorchScript model with DJL (the student half of {@code sdvp distill --student
 * torchscript:DIR}): the loss falls, the parameters model.json freezes keep their values, and the saved folder
 * loads back as an own model that answers exactly as the trained one did.
 */
class OwnTrainerTest {
    static final String[] COLORS = {"red", "blue", "green", "yellow"};
    static final Color[] RGB = {Color.RED, Color.BLUE, Color.GREEN, Color.YELLOW};

    @TempDir
    Path dir;

    static BufferedImage solid(Color c, int w) {
        BufferedImage img = new BufferedImage(w, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, 24);
        g.dispose();
        return img;
    }

    /** "What color is it?" on solid images: the answer is the image's colour (one-hot over answers.json). */
    static List<TrainingPair> colourQuestions(List<String> answers) {
        List<TrainingPair> pairs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            float[] t = new float[answers.size()];
            t[answers.indexOf(COLORS[i % 4])] = 1;
            pairs.add(new TrainingPair(solid(RGB[i % 4], 20 + i), "what color is it?", t));
        }
        return pairs;
    }

    static Map<String, float[]> parameters(OwnModel m) {
        Map<String, float[]> values = new HashMap<>();
        for (Pair<String, Parameter> p :
                ((TorchScriptEngine) m.engine()).model().getBlock().getParameters()) {
            values.put(p.getValue().getName(), p.getValue().getArray().toFloatArray());
        }
        return values;
    }

    private Path withFrozen(String service, String frozen) throws Exception {
        Path copy = Fixtures.copy(service, "torchscript", dir);
        Path json = copy.resolve("model.json");
        Files.writeString(
                json,
                Files.readString(json)
                        .replaceFirst("\"provenance\"", "\"frozen\": [" + frozen + "],\n  \"provenance\""));
        return copy;
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void vqaTrainingLowersTheLossKeepsFrozenPartsAndSavesTorchScriptThatLoadsBack() throws Exception {
        Path folder = withFrozen("vqa", "\"text.\"");
        try (OwnModel m = OwnModel.loadTrainable(folder)) {
            List<TrainingPair> pairs = colourQuestions(m.folder().answers());
            Map<String, float[]> before = parameters(m);
            OwnTrainer.Result r = new OwnTrainer(m, new OwnTrainConfig(60, 8, 1e-2f, 1)).train(pairs);
            assertEquals(60, r.lossCurve().size());
            double first = mean(r.lossCurve().subList(0, 10)),
                    last = mean(r.lossCurve().subList(50, 60));
            System.out.printf(
                    "VQA loss %.4f -> %.4f; %d trained, %d frozen parameters%n",
                    first, last, r.trained().size(), r.frozen().size());
            assertTrue(last < 0.5 * first, first + " -> " + last);
            assertFalse(r.frozen().isEmpty());
            assertTrue(
                    r.frozen().stream().allMatch(n -> n.startsWith("text.")),
                    r.frozen().toString());
            Map<String, float[]> after = parameters(m);
            for (String n : r.frozen()) assertArrayEquals(before.get(n), after.get(n), n);
            assertTrue(r.trained().stream().anyMatch(n -> !java.util.Arrays.equals(before.get(n), after.get(n))));

            Path saved = dir.resolve("student");
            OwnModelExport.save(m, saved, Map.of("parent", folder.toString(), "seed", 1));
            var trained = m.run(List.of(m.prepare(solid(Color.BLUE, 30), "what color is it?")))
                    .get(Role.ANSWER_LOGITS);
            try (OwnModel back = OwnModel.load(saved, "torchscript")) {
                var reloaded = back.run(List.of(back.prepare(solid(Color.BLUE, 30), "what color is it?")))
                        .get(Role.ANSWER_LOGITS);
                assertArrayEquals(trained.data(), reloaded.data(), 1e-6f);
                int right = 0;
                for (int c = 0; c < COLORS.length; c++) {
                    float[] l = back.run(List.of(back.prepare(solid(RGB[c], 26), "what color is it?")))
                            .get(Role.ANSWER_LOGITS)
                            .data();
                    int best = 0;
                    for (int i = 1; i < l.length; i++) if (l[i] > l[best]) best = i;
                    if (back.folder().answers().get(best).equals(COLORS[c])) right++;
                }
                System.out.println("the reloaded model names " + right + " of 4 colours");
                assertTrue(right >= 3, right + " of 4 colours");
            }
            var config = Json.mapper().readTree(saved.resolve("config.json").toFile());
            assertEquals("sdvp-own-student", config.get("format").asText());
            assertEquals(1, config.get("seed").asInt());
        }
    }

    @Test
    void matchTrainingLowersItsBinaryCrossEntropy() throws Exception {
        try (OwnModel m = OwnModel.loadTrainable(Fixtures.dir("match", "torchscript"))) {
            List<TrainingPair> pairs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                pairs.add(new TrainingPair(solid(RGB[i % 4], 24), "a " + COLORS[(i / 4) % 4] + " thing", new float[] {
                    i % 4 == (i / 4) % 4 ? 1 : 0
                }));
            }
            OwnTrainer.Result r = new OwnTrainer(m, new OwnTrainConfig(60, 8, 1e-2f, 2)).train(pairs);
            double first = mean(r.lossCurve().subList(0, 10)),
                    last = mean(r.lossCurve().subList(50, 60));
            System.out.printf("MATCH loss %.4f -> %.4f%n", first, last);
            assertTrue(last < 0.8 * first, first + " -> " + last);
        }
    }

    @Test
    void aFrozenPrefixThatNamesNoParameterAndALocModelAreRefusedBeforeTraining() throws Exception {
        try (OwnModel m = OwnModel.loadTrainable(withFrozen("vqa", "\"imgae.\""))) {
            BackendException e = assertThrows(
                    BackendException.class,
                    () -> new OwnTrainer(m, OwnTrainConfig.defaults(1, 1))
                            .train(colourQuestions(m.folder().answers())));
            assertTrue(e.getMessage().contains("[imgae.]") && e.getMessage().contains("image."), e.getMessage());
        }
        try (OwnModel loc = OwnModel.loadTrainable(Fixtures.dir("loc", "torchscript"))) {
            BackendException e = assertThrows(
                    BackendException.class,
                    () -> new OwnTrainer(loc, OwnTrainConfig.defaults(1, 1))
                            .train(List.of(new TrainingPair(solid(Color.RED, 20), "cube", new float[] {1}))));
            assertTrue(e.getMessage().contains("LOC"), e.getMessage());
        }
    }
}
