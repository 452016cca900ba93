package org.sdvp.backends.service;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.backends.Fixtures;
import org.sdvp.core.service.BackendException;

/**
 * A model that does not fit its model.json is refused at load, and the message names the tensor with the
 * expected and the found shape, or the missing file.
 */
class OwnModelValidationTest {
    @TempDir
    Path tmp;

    private static void edit(Path dir, String from, String to) throws IOException {
        Path json = dir.resolve("model.json");
        String text = Files.readString(json);
        assertTrue(text.contains(from), "fixture has " + from);
        Files.writeString(json, text.replace(from, to));
    }

    private static String refused(Path dir, String engine) {
        return assertThrows(
                        BackendException.class, () -> OwnModel.load(dir, engine).close())
                .getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "'" + p + "' missing from: " + message);
    }

    @Test
    void anOnnxInputShapeOtherThanDeclaredIsNamedWithBothShapes() throws IOException {
        Path d = Fixtures.copy("vqa", "onnx", tmp);
        // model.json and image.size agree on 48x48, the exported graph takes 32x32
        edit(d, "\"size\": [32, 32]", "\"size\": [48, 48]");
        edit(d, "\"shape\": [-1, 3, 32, 32]", "\"shape\": [-1, 3, 48, 48]");
        edit(d, "\"shape\": [-1, 32, 32]", "\"shape\": [-1, 48, 48]");
        assertMentions(refused(d, "onnx"), "input 'pixel_values'", "[-1, 3, 48, 48]", "[-1, 3, 32, 32]");
    }

    @Test
    void aTorchScriptOutputShapeOtherThanModelJsonIsNamedWithBothShapes() throws IOException {
        Path d = Fixtures.copy("loc", "torchscript", tmp);
        edit(d, "\"shape\": [-1, 64, 4]", "\"shape\": [-1, 100, 4]");
        assertMentions(refused(d, "torchscript"), "output 'pred_boxes'", "[-1, 100, 4]", "[2, 64, 4]");
    }

    @Test
    void anInputTheTorchScriptModelRejectsIsNamedWithTheShapesFed() throws IOException {
        // the OWL-style network's 64 patch centres do not broadcast against a 20x20 image's 25 patches
        Path d = Fixtures.copy("loc", "torchscript", tmp);
        edit(d, "\"size\": [32, 32]", "\"size\": [20, 20]");
        edit(d, "\"shape\": [-1, 3, 32, 32]", "\"shape\": [-1, 3, 20, 20]");
        assertMentions(refused(d, "torchscript"), "rejected", "pixel_values [2, 3, 20, 20]");
    }

    @Test
    void anImageSizeThatContradictsTheInputShapeIsNamed() throws IOException {
        Path d = Fixtures.copy("match", "onnx", tmp);
        edit(d, "\"size\": [32, 32]", "\"size\": [64, 64]");
        assertMentions(refused(d, "onnx"), "input 'pixel_values'", "[-1, 3, 32, 32]", "[2, 3, 64, 64]");
    }

    @Test
    void anAnswerVocabularyOfTheWrongSizeIsNamed() throws IOException {
        Path d = Fixtures.copy("vqa", "torchscript", tmp);
        Files.writeString(d.resolve("answers.json"), "[\"yes\", \"no\"]");
        assertMentions(refused(d, "torchscript"), "output 'logits'", "answers.json has 2 answers", "[2, 29]");
    }

    @Test
    void aMissingTokenizerIsNamed() throws IOException {
        Path d = Fixtures.copy("loc", "onnx", tmp);
        Files.delete(d.resolve("tokenizer.json"));
        assertMentions(refused(d, "onnx"), d.resolve("tokenizer.json").toString(), "does not exist");
    }

    @Test
    void aMissingVocabularyIsNamed() throws IOException {
        Path d = Fixtures.copy("vqa", "onnx", tmp);
        Files.delete(d.resolve("answers.json"));
        assertMentions(refused(d, "onnx"), d.resolve("answers.json").toString(), "does not exist");
    }

    @Test
    void anEngineOtherThanTheEntrysSaysWhichEntryToUse() {
        Path d = Fixtures.dir("vqa", "onnx");
        assertMentions(refused(d, "torchscript"), "'engine' is 'onnx'", "use onnx:DIR");
    }

    @Test
    void aMisspeltFieldIsRefusedNotDefaulted() throws IOException {
        Path d = Fixtures.copy("loc", "onnx", tmp);
        edit(d, "\"threshold\"", "\"treshold\"");
        assertMentions(refused(d, "onnx"), "treshold");
    }

    @Test
    void aMissingFolderAndAMissingModelJsonAreNamed() throws IOException {
        assertMentions(refused(tmp.resolve("nowhere"), "onnx"), "nowhere", "no such folder");
        assertMentions(refused(tmp, "onnx"), tmp.resolve("model.json").toString(), "missing");
    }
}
