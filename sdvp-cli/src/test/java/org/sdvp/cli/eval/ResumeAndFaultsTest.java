package org.sdvp.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.cli.CliRunner;
import org.sdvp.core.io.BadImages;
import org.sdvp.core.io.Json;
import org.sdvp.core.io.OutputLock;

/**
 * {@code eval} and {@code collect} as a user meets them after a kill, a second process and bad data. The kill
 * is simulated by what it leaves: a journal cut off mid-line (scripts/chaos.sh does it with real kill -9).
 */
class ResumeAndFaultsTest {
    @TempDir
    static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        assertEquals(
                0,
                CliRunner.run(
                                "world",
                                "generate",
                                "--task",
                                "gqa-sim",
                                "--split",
                                "test",
                                "--count",
                                "40",
                                "--seed",
                                "3",
                                "--out",
                                data.toString())
                        .exitCode());
    }

    private static CliRunner.Result run(String command, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                command,
                "--task",
                "gqa-sim",
                "--data",
                data.toString(),
                "--split",
                "test",
                "--modules",
                "oracle",
                "--concurrency",
                "4",
                "--out",
                out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** Runs until the final write fails (the output path is a non-empty folder): the journal stays, complete. */
    private static List<String> journalOfAFailedFinalWrite(String command, Path out) throws Exception {
        Files.createDirectories(out.resolve("in-the-way"));
        assertEquals(1, run(command, out).exitCode());
        Path journal = out.resolveSibling(out.getFileName() + ".journal");
        List<String> lines = Files.readAllLines(journal);
        Files.delete(out.resolve("in-the-way"));
        Files.delete(out);
        return lines;
    }

    /** What kill -9 leaves: the header, {@code done} finished questions and half of the next line. */
    private static void cutJournal(Path out, List<String> lines, int done) throws Exception {
        Files.writeString(
                out.resolveSibling(out.getFileName() + ".journal"),
                String.join("\n", lines.subList(0, done + 1)) + "\n"
                        + lines.get(done + 1).substring(0, 30));
    }

    private static JsonNode timingsAside(Path results) throws Exception {
        ObjectNode r = (ObjectNode) Json.mapper().readTree(results.toFile());
        r.remove(List.of("seconds", "batching"));
        return r;
    }

    @Test
    void evalResumesAfterAKillToTheSameResults() throws Exception {
        Path once = dir.resolve("once.json"), killed = dir.resolve("killed.json");
        assertEquals(0, run("eval", once).exitCode());
        assertFalse(Files.exists(dir.resolve("once.json.journal")), "a finished run leaves no journal");
        List<String> lines = journalOfAFailedFinalWrite("eval", killed);
        assertEquals(41, lines.size());
        cutJournal(killed, lines, 17);
        var resumed = run("eval", killed);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("resuming: 17 questions already done"), resumed.err());
        assertEquals(timingsAside(once), timingsAside(killed));
        assertFalse(Files.exists(dir.resolve("killed.json.journal")));
        // the question file for sdvp serve: every question with its trace, the 17 restored ones included
        List<JsonNode> a = questions(dir.resolve("once.questions.jsonl.gz")),
                b = questions(dir.resolve("killed.questions.jsonl.gz"));
        assertEquals(40, a.size());
        assertEquals(40, b.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(a.get(i).get("id"), b.get(i).get("id"));
            assertEquals(a.get(i).get("prediction"), b.get(i).get("prediction"));
            assertEquals(a.get(i).get("program"), b.get(i).get("program"));
            assertEquals(
                    a.get(i).get("steps").size(),
                    b.get(i).get("steps").size(),
                    a.get(i).get("id").asText());
            assertTrue(b.get(i).get("steps").size() > 0, "a trace for every question");
            assertTrue(b.get(i).get("images").get("IMAGE").asText().startsWith("test/images/"), "relative to --data");
        }
        assertTrue(run("eval", dir.resolve("bare.json"), "--no-questions").exitCode() == 0);
        assertFalse(Files.exists(dir.resolve("bare.questions.jsonl.gz")));
    }

    private static List<JsonNode> questions(Path gz) throws Exception {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(gz)),
                java.nio.charset.StandardCharsets.UTF_8))) {
            List<JsonNode> out = new java.util.ArrayList<>();
            for (String line; (line = in.readLine()) != null; )
                out.add(Json.mapper().readTree(line));
            return out;
        }
    }

    @Test
    void collectResumesAfterAKillToTheSameCallsFile() throws Exception {
        Path once = dir.resolve("once.jsonl"), killed = dir.resolve("killed.jsonl");
        assertEquals(0, run("collect", once).exitCode());
        List<String> lines = journalOfAFailedFinalWrite("collect", killed);
        cutJournal(killed, lines, 23);
        assertEquals(0, run("collect", killed).exitCode());
        assertEquals(Files.readString(once), Files.readString(killed));
        JsonNode summary =
                Json.mapper().readTree(dir.resolve("killed.jsonl.summary.json").toFile());
        assertEquals(
                org.sdvp.core.io.Sha256.of(killed), summary.get("callsSha256").asText());
    }

    @Test
    void aJournalOfOtherOptionsIsRefusedUntilRestart() throws Exception {
        Path out = dir.resolve("r.json");
        cutJournal(out, journalOfAFailedFinalWrite("eval", out), 5);
        var other = run("eval", out, "--limit", "10");
        assertEquals(2, other.exitCode());
        assertTrue(other.err().contains("limit: none -> 10") && other.err().contains("--restart"), other.err());
        assertEquals(0, run("eval", out, "--limit", "10", "--restart").exitCode());
    }

    @Test
    void aSecondWriterOnTheSameOutExits2NamingTheHolder() throws Exception {
        Path out = dir.resolve("r.json");
        try (OutputLock held = OutputLock.acquire(out, "sdvp eval (the first)")) {
            var second = run("eval", out);
            assertEquals(2, second.exitCode());
            assertTrue(
                    second.err().contains("pid " + ProcessHandle.current().pid())
                            && second.err().contains("(the first)"),
                    second.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void badDataInTheMiddleOfARunIsCountedByReasonAndTheRunCompletes() throws Exception {
        Path copy = dir.resolve("data");
        copyTree(data, copy);
        Path images = copy.resolve("test/images");
        List<Path> files;
        try (var s = Files.list(images)) {
            files = s.sorted().toList();
        }
        BadImages.writeAll(dir.resolve("bad"));
        // each bad image replaces one scene's picture: every question on that scene fails with its reason
        Map<String, Path> bad = Map.of(
                "empty.png",
                files.get(1),
                "truncated.png",
                files.get(2),
                "text.png",
                files.get(3),
                "bomb.png",
                files.get(4));
        for (var e : bad.entrySet())
            Files.copy(
                    dir.resolve("bad").resolve(e.getKey()),
                    e.getValue(),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(files.get(5));
        ObjectNode root = (ObjectNode)
                Json.mapper().readTree(copy.resolve("test/questions.json").toFile());
        var questions = (com.fasterxml.jackson.databind.node.ArrayNode) root.get("questions");
        ((ObjectNode) questions.get(31)).putArray("question").add("x"); // wrong field type
        ((ObjectNode) questions.get(32))
                .put("question_index", new java.math.BigInteger("1" + "0".repeat(40))); // absurd
        ((ObjectNode) questions.get(33)).remove("image_filename"); // missing field
        Files.writeString(copy.resolve("test/questions.json"), Json.pretty(root));

        Map<String, Integer> expected =
                new java.util.TreeMap<>(Map.of("wrong-field-type", 1, "absurd-value", 1, "missing-field", 1));
        for (int i = 0; i < questions.size(); i++) {
            if (i >= 31 && i <= 33) continue;
            String image = questions.get(i).path("image_filename").asText();
            for (var e : bad.entrySet())
                if (e.getValue().getFileName().toString().equals(image)) {
                    expected.merge(
                            Map.of(
                                            "empty.png",
                                            "empty-file",
                                            "truncated.png",
                                            "truncated-image",
                                            "text.png",
                                            "not-an-image",
                                            "bomb.png",
                                            "image-too-large")
                                    .get(e.getKey()),
                            1,
                            Integer::sum);
                }
            if (files.get(5).getFileName().toString().equals(image)) expected.merge("missing-file", 1, Integer::sum);
        }
        Path out = dir.resolve("bad.json");
        var r = CliRunner.run(
                "eval",
                "--task",
                "gqa-sim",
                "--data",
                copy.toString(),
                "--split",
                "test",
                "--modules",
                "oracle",
                "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode result = Json.mapper().readTree(out.toFile());
        assertEquals(40, result.get("count").asInt());
        assertEquals(expected, Json.mapper().convertValue(result.get("errorsByReason"), Map.class));
        assertEquals(
                expected.values().stream().mapToInt(Integer::intValue).sum(),
                result.get("errors").asInt());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
