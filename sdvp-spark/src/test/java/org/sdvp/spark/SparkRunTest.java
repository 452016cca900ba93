package org.sdvp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdvp.spark.CliCalls.concat;
import static org.sdvp.spark.CliCalls.sdvp;
import static org.sdvp.spark.CliCalls.sdvpCapturingStderr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.evaluation.QuestionTraces;
import org.sdvp.core.io.Json;
import org.sdvp.spark.CliCalls.Run;

/**
 * {@code eval --spark} and {@code collect --spark} in local mode give the local run's results.json (timings
 * aside), questions file and calls.jsonl, on a world task and on the GQA fixture; they resume by partition and record a
 * corrupt image's question as the local path does. One local Spark context for the class.
 */
class SparkRunTest {
    private static final String MASTER = "local[2]";

    @TempDir
    static Path tmp;

    static JavaSparkContext spark;
    static Path world, gqa;

    @BeforeAll
    static void start() throws IOException {
        spark = new JavaSparkContext(SparkContexts.conf(MASTER, false));
        world = CliCalls.generateTrain("gqa-sim", 30, 3, tmp.resolve("gqa-sim"));
        gqa = tmp.resolve("gqa");
        copyTree(Path.of("../sdvp-data/src/test/resources/fixtures/gqa"), gqa);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void evalOnAWorldTaskMatchesTheLocalRun() throws IOException {
        assertSameResults(
                List.of(
                        "--task",
                        "gqa-sim",
                        "--data",
                        world.toString(),
                        "--split",
                        "train",
                        "--modules",
                        "oracle",
                        "--spark-partitions",
                        "3"),
                "world-eval");
    }

    @Test
    void evalOnTheGqaFixtureMatchesTheLocalRun() throws IOException {
        JsonNode spark = assertSameResults(gqaOracleEval(gqa), "gqa-eval");
        assertTrue(spark.get("count").asInt() > 2, spark.toString());
        // the partitions after the first open the questions file where the driver's index put them
        JsonNode ranges = partitions("gqa-eval");
        assertEquals(3, ranges.size());
        for (JsonNode r : ranges) {
            assertTrue(
                    r.get("start")
                            .asText()
                            .contains("\"entry\":" + r.get("from").asLong()),
                    r.toString());
        }
        assertFalse(spark.get("aggregates").isEmpty(), "GQA's breakdowns are computed from the merged outcomes");
    }

    @Test
    void aTruncatedQuestionsFileIsReadFromItsStartByEveryPartitionAndMatchesTheLocalRun() throws IOException {
        Path data = tmp.resolve("gqa-cut");
        copyTree(gqa, data);
        Path questions = data.resolve("questions/val_balanced_questions.json");
        byte[] whole = Files.readAllBytes(questions);
        Files.write(questions, Arrays.copyOf(whole, whole.length * 3 / 5)); // ends inside an entry
        JsonNode spark = assertSameResults(gqaOracleEval(data), "gqa-cut-eval");
        assertTrue(spark.get("errorsByReason").has("truncated-json"), spark.toString());
        // such a split reports no positions: the partitions open it at its start and skip to their range
        JsonNode ranges = partitions("gqa-cut-eval");
        assertEquals(3, ranges.size());
        for (JsonNode r : ranges) {
            assertTrue(r.path("start").isNull() || r.path("start").isMissingNode(), r.toString());
        }
    }

    /** {@code eval}'s arguments for the GQA oracle over {@code root}'s val_balanced split in three partitions. */
    private static List<String> gqaOracleEval(Path root) {
        return List.of(
                "--dataset",
                "gqa",
                "--root",
                root.toString(),
                "--split",
                "val_balanced",
                "--modules",
                "gqa-oracle",
                "--spark-partitions",
                "3");
    }

    /** The partitions the driver planned for the Spark run named {@code name} (its {@code job.json}). */
    private JsonNode partitions(String name) throws IOException {
        return Json.mapper()
                .readTree(SparkClusterRunner.workDir(tmp.resolve(name + "-spark.json"))
                        .resolve("job.json")
                        .toFile())
                .get("partitions");
    }

    @Test
    void collectWritesTheLocalCallsFile() throws IOException {
        for (List<String> args : List.of(
                List.of("--task", "gqa-sim", "--data", world.toString(), "--split", "train", "--modules", "oracle"),
                List.of(
                        "--dataset",
                        "gqa",
                        "--root",
                        gqa.toString(),
                        "--split",
                        "val_balanced",
                        "--modules",
                        "gqa-oracle"))) {
            Path local = tmp.resolve("calls-local-" + args.get(1) + ".jsonl"),
                    dist = tmp.resolve("calls-spark-" + args.get(1) + ".jsonl");
            Run l = sdvp(concat(List.of("collect"), args, List.of("--out", local.toString())));
            Run s = sdvp(concat(
                    List.of("collect"),
                    args,
                    List.of("--out", dist.toString(), "--spark", MASTER, "--spark-partitions", "3")));
            assertEquals(0, l.exitCode(), l.err());
            assertEquals(0, s.exitCode(), s.err());
            assertTrue(Files.size(local) > 0);
            assertEquals(Files.readString(local), Files.readString(dist), "calls.jsonl of " + args);
            assertEquals(l.out().lines().findFirst(), s.out().lines().findFirst(), "the summary line");
        }
    }

    @Test
    void aRerunSkipsCompletePartitionsAndGivesTheSameCalls() throws IOException {
        List<String> args = List.of(
                "collect",
                "--task",
                "gqa-sim",
                "--data",
                world.toString(),
                "--split",
                "train",
                "--modules",
                "oracle",
                "--spark",
                MASTER,
                "--spark-partitions",
                "4",
                "--out");
        Path out = tmp.resolve("resume.jsonl");
        assertEquals(0, sdvp(concat(args, List.of(out.toString()))).exitCode());
        String first = Files.readString(out);
        // as a driver killed mid-job leaves it: one partition never committed, one attempt's temporary folder
        Path work = SparkClusterRunner.workDir(out);
        PartitionStore.deleteTree(work.resolve("part-00002"));
        Files.createDirectories(work.resolve(".part-00002.killed.tmp"));
        Files.delete(out);
        Run again = sdvpCapturingStderr(concat(args, List.of(out.toString())));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("3 of 4 partitions already complete, running 1"), again.err());
        assertEquals(first, Files.readString(out));
        assertFalse(Files.exists(work.resolve(".part-00002.killed.tmp")), "a killed attempt's folder is removed");
    }

    @Test
    void aChangedJobStartsOver() throws IOException {
        Path out = tmp.resolve("changed.json");
        List<String> base = List.of(
                "eval",
                "--task",
                "gqa-sim",
                "--data",
                world.toString(),
                "--split",
                "train",
                "--modules",
                "oracle",
                "--spark",
                MASTER,
                "--out",
                out.toString());
        assertEquals(0, sdvp(concat(base, List.of("--limit", "10"))).exitCode());
        Run r = sdvpCapturingStderr(concat(base, List.of("--limit", "20")));
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("already complete"), "partitions of another job are not reused");
        assertEquals(20, Json.mapper().readTree(out.toFile()).get("count").asInt());
    }

    @Test
    void aCorruptImageIsThatQuestionsErrorAsInTheLocalRun() throws IOException {
        Path data = tmp.resolve("corrupt");
        copyTree(world, data);
        Path image;
        try (Stream<Path> pngs = Files.walk(data.resolve("train"))) {
            image = pngs.filter(p -> p.toString().endsWith(".png"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        Files.write(image, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
        JsonNode spark = assertSameResults(
                List.of(
                        "--task",
                        "gqa-sim",
                        "--data",
                        data.toString(),
                        "--split",
                        "train",
                        "--modules",
                        "oracle",
                        "--spark-partitions",
                        "3"),
                "corrupt-eval");
        assertTrue(spark.get("errors").asInt() >= 1, spark.toString());
        assertTrue(
                spark.get("misses").toString().contains(image.getFileName().toString()),
                spark.get("misses").toString());
    }

    @Test
    void anUnreachableMasterIsBadInputNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String url = "spark://127.0.0.1:" + port;
        Run r = sdvp(
                "eval",
                "--task",
                "gqa-sim",
                "--data",
                world.toString(),
                "--split",
                "train",
                "--modules",
                "oracle",
                "--spark",
                url,
                "--out",
                tmp.resolve("never.json").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot reach the Spark master " + url), r.err());
    }

    /** Runs eval locally and on Spark; the results agree but for timings and where it ran. */
    private static JsonNode assertSameResults(List<String> args, String name) throws IOException {
        Path local = tmp.resolve(name + "-local.json"), dist = tmp.resolve(name + "-spark.json");
        Run l = sdvp(concat(List.of("eval"), args, List.of("--out", local.toString())));
        assertEquals(0, l.exitCode(), l.err());
        Run s = sdvp(concat(List.of("eval"), args, List.of("--out", dist.toString(), "--spark", MASTER)));
        assertEquals(0, s.exitCode(), s.err());
        JsonNode a = withoutTimings(Json.mapper().readTree(local.toFile()));
        JsonNode b = Json.mapper().readTree(dist.toFile());
        assertEquals(MASTER + ", ", b.get("provenance").get("spark").asText().substring(0, MASTER.length() + 2));
        assertEquals(a, withoutTimings(b));
        List<JsonNode> questions = withoutStepTimings(gunzip(QuestionTraces.beside(local)));
        assertEquals(a.get("count").asInt(), questions.size(), "a line per question");
        assertEquals(
                questions,
                withoutStepTimings(gunzip(QuestionTraces.beside(dist))),
                "the questions file sdvp serve reads, but for each step's micros (two local runs differ there too)");
        return b;
    }

    private static List<JsonNode> withoutStepTimings(String jsonLines) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            JsonNode q = Json.mapper().readTree(line);
            q.get("steps").forEach(step -> ((ObjectNode) step).remove("micros"));
            lines.add(q);
        }
        return lines;
    }

    @Test
    void noQuestionsWritesNoQuestionsFileOnSparkEither() {
        Path out = tmp.resolve("no-questions.json");
        Run r = sdvp(
                "eval",
                "--task",
                "gqa-sim",
                "--data",
                world.toString(),
                "--split",
                "train",
                "--modules",
                "oracle",
                "--limit",
                "5",
                "--no-questions",
                "--spark",
                MASTER,
                "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(out));
        assertFalse(Files.exists(QuestionTraces.beside(out)));
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode withoutTimings(JsonNode result) {
        ObjectNode o = result.deepCopy();
        o.remove(List.of("seconds", "batching"));
        ((ObjectNode) o.get("provenance")).remove("spark");
        return o;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
