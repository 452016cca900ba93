package org.sdvp.cli.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.backends.service.OwnModel;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.io.Json;
import org.sdvp.core.io.Sha256;
import org.sdvp.distill.trace.CallsFile;

/**
 * {@code sdvp distill --student torchscript:DIR}: the test fixture's TorchScript VQA model trained on a world
 * task's collected calls labelled by the oracle, saved as TorchScript with its provenance; a refused student
 * stops the command before anything is written.
 */
class OwnStudentDistillTest {
    static final Path OWN = Path.of("..", "sdvp-backends", "src", "test", "resources", "own-models");

    static final Pattern REPLAYED = Pattern.compile("replay: (\\d+) VQA pairs from (\\d+) calls");

    @TempDir
    static Path data;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void collect() {
        assertEquals(
                0,
                CliRunner.run(
                                "world",
                                "generate",
                                "--task",
                                "gqa-sim",
                                "--split",
                                "train",
                                "--count",
                                "30",
                                "--seed",
                                "5",
                                "--out",
                                data.toString())
                        .exitCode());
        var r = CliRunner.run(
                "collect",
                "--task",
                "gqa-sim",
                "--data",
                data.toString(),
                "--split",
                "train",
                "--modules",
                "oracle",
                "--out",
                shared.resolve("calls.jsonl").toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    private Path student(String frozen) throws Exception {
        Path copy = dir.resolve("vqa");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(OWN.resolve("vqa-torchscript"))) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        Path json = copy.resolve("model.json");
        Files.writeString(
                json,
                Files.readString(json)
                        .replaceFirst("\"provenance\"", "\"frozen\": [" + frozen + "],\n  \"provenance\""));
        return copy;
    }

    private CliRunner.Result distill(Path student, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "distill",
                "--task",
                "gqa-sim",
                "--data",
                data.toString(),
                "--student",
                "torchscript:" + student,
                "--teacher",
                "oracle",
                "--calls",
                shared.resolve("calls.jsonl").toString(),
                "--steps",
                "40",
                "--set",
                "learningRate=5e-3",
                "--seed",
                "3",
                "--out",
                out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void theTorchScriptStudentLearnsTheOraclesAnswersAndIsSavedWithItsProvenance() throws Exception {
        Path student = student("\"text.\"");
        Path out = dir.resolve("run");
        var r = distill(student, out);
        assertEquals(0, r.exitCode(), r.err());
        System.out.println(r.out() + r.err());
        assertTrue(r.err().contains("labels: VQA "), r.err());
        Path saved = out.resolve("student");
        assertTrue(r.out().contains("student: " + saved), r.out());
        JsonNode config = Json.mapper().readTree(saved.resolve("config.json").toFile());
        assertEquals(
                Sha256.of(student.resolve("model.pt")),
                config.at("/parent/sha256").asText());
        assertEquals(
                Sha256.of(shared.resolve("calls.jsonl")),
                config.at("/data/callsSha256").asText());
        assertEquals(3, config.get("seed").asInt());
        assertEquals("oracle", config.at("/data/teacher").asText());
        assertTrue(config.at("/data/pairs").asInt() > 0);
        List<Double> curve = new ArrayList<>();
        config.get("lossCurve").forEach(v -> curve.add(v.asDouble()));
        assertEquals(40, curve.size());
        double first =
                curve.subList(0, 10).stream().mapToDouble(d -> d).average().orElseThrow();
        double last =
                curve.subList(30, 40).stream().mapToDouble(d -> d).average().orElseThrow();
        assertTrue(last < first, first + " -> " + last);
        assertTrue(config.get("frozenParameters").size() > 0);
        config.get("frozenParameters").forEach(n -> assertTrue(n.asText().startsWith("text."), n.asText()));
        // the saved folder is an own model again: it loads (checked against model.json) and answers
        try (OwnModel back = OwnModel.load(saved, "torchscript")) {
            assertEquals(back.folder().answers().size(), 29);
        }
        Path image;
        try (Stream<Path> files = Files.walk(data)) {
            image = files.filter(f -> f.toString().endsWith(".png"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        var run = CliRunner.run(
                "run",
                "--image",
                image.toString(),
                "--modules",
                "torchscript:" + saved,
                "--program-text",
                "ANSWER0=VQA(image=IMAGE,question='What color is the cube?')\nFINAL_RESULT=RESULT(var=ANSWER0)");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void generalCallsAreReplayedLabelledByTheParentItself() throws Exception {
        Path student = student("");
        Path general = dir.resolve("general.jsonl");
        // the general calls: here the same world calls, every one (replay has no filter), labelled by the parent
        Files.copy(shared.resolve("calls.jsonl"), general);
        Path out = dir.resolve("replayed");
        var r = distill(student, out, "--replay-calls", general.toString());
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = REPLAYED.matcher(r.out());
        assertTrue(m.find(), r.out());
        JsonNode config =
                Json.mapper().readTree(out.resolve("student/config.json").toFile());
        int vqaCalls = 0;
        for (var c : CallsFile.read(general)) if (c.kind().equals("VQA")) vqaCalls++;
        assertEquals(vqaCalls, Integer.parseInt(m.group(1)), "every VQA call of the general file: " + r.out());
        assertEquals(
                Integer.parseInt(m.group(1)), config.at("/data/replay/pairs").asInt());
        assertEquals(
                Sha256.of(general),
                config.at("/data/replay/files/0/callsSha256").asText());

        var refused = distill(
                student, dir.resolve("no-folder"), "--replay-dataset", "clevr", "--replay-root", data.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("as --replay-calls"), refused.err());
        assertFalse(Files.exists(dir.resolve("no-folder")));
    }

    @Test
    void aRefusedStudentOrAnUnknownFrozenPartWritesNothing() throws Exception {
        Path student = student("\"txt.\"");
        Path out = dir.resolve("typo");
        var r = distill(student, out);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("[txt.]"), r.err());
        assertFalse(Files.exists(out.resolve("student")));

        Files.writeString(student.resolve("answers.json"), "[\"yes\", \"no\"]");
        var refused = distill(student, dir.resolve("refused"));
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("output 'logits'"), refused.err());
        assertFalse(Files.exists(dir.resolve("refused")));

        var noCalls = CliRunner.run(
                "distill",
                "--task",
                "gqa-sim",
                "--student",
                "torchscript:" + student,
                "--teacher",
                "oracle",
                "--out",
                dir.resolve("x").toString());
        assertEquals(2, noCalls.exitCode());
        assertTrue(noCalls.err().contains("needs --calls FILE"), noCalls.err());
    }
}
