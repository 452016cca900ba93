package org.sdvp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdvp.spark.CliCalls.sdvp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.Json;
import org.sdvp.distill.label.ClusterLabeler;
import org.sdvp.distill.label.LabelOptions;
import org.sdvp.distill.label.Labelled;
import org.sdvp.distill.label.PseudoLabeler;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.models.checkpoint.Provenance;
import org.sdvp.models.data.WorldLexicon;
import org.sdvp.models.teacher.TeacherConfig;
import org.sdvp.models.teacher.TeacherModel;
import org.sdvp.models.text.Vocabulary;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.models.vlm.VlmConfig;
import org.sdvp.models.vlm.VlmModel;
import org.sdvp.spark.CliCalls.Run;

/**
 * Pseudo-labelling on Spark ({@code distill --spark}) in local mode gives the local path's labels: the same targets
 * in the same order (the data hash the student's provenance records) and the same counts, whatever the partitions
 * (which change the teacher's batches); a re-run skips complete partitions.
 */
class SparkLabelTest {
    private static final String MASTER = "local[2]";

    @TempDir
    static Path tmp;

    static JavaSparkContext spark;
    static Path calls, teacher, student;

    @BeforeAll
    static void start() throws Exception {
        spark = new JavaSparkContext(SparkContexts.conf(MASTER, false));
        Path world = CliCalls.generateTrain("gqa-sim", 60, 5, tmp.resolve("gqa-sim"));
        calls = tmp.resolve("calls.jsonl");
        Run collect = sdvp(
                "collect",
                "--task",
                "gqa-sim",
                "--data",
                world.toString(),
                "--split",
                "train",
                "--modules",
                "oracle",
                "--out",
                calls.toString());
        assertEquals(0, collect.exitCode(), collect.err());
        // tiny untrained models: labels need not be good, only the same both ways
        Provenance made = Provenance.of("test", "gqa-sim", 1, null, "", 0, null, Map.of(), null);
        teacher = tmp.resolve("teacher");
        try (TeacherModel t = TeacherModel.create(TeacherConfig.tiny(), "gqa-sim", 3)) {
            t.save(teacher, made);
        }
        student = tmp.resolve("student");
        try (VlmModel s = VlmModel.create(
                VlmConfig.tiny(), Vocabulary.build(WorldLexicon.words(), 1), Pretrainer.answerVocabulary(), 11)) {
            s.save(student, made);
        }
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theLabelsAreTheLocalPathsWhateverThePartitions() throws Exception {
        for (LabelOptions options : List.of(LabelOptions.defaults(), new LabelOptions(false, 0.3))) {
            Labelled local = local(options);
            assertTrue(
                    local.targets().size() > 64,
                    "enough labels that partitions change the teacher's batches: " + local.summary());
            for (int partitions : List.of(1, 5)) {
                Labelled onSpark = onSpark(
                        options, partitions, tmp.resolve("labels-" + partitions + "-" + options.hashCode()), null);
                assertSame(local, onSpark);
            }
        }
    }

    @Test
    void aRerunSkipsCompletePartitionsAndGivesTheSameLabels() throws Exception {
        LabelOptions options = new LabelOptions(false, 0);
        Path work = tmp.resolve("labels-resumed");
        Labelled first = onSpark(options, 4, work, null);
        // what a killed driver leaves: one partition never committed, one attempt's temporary folder
        PartitionStore store = new PartitionStore(work);
        PartitionStore.deleteTree(store.partition(2));
        Files.createDirectories(work.resolve(".part-00002.killed.tmp"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Labelled again = onSpark(options, 4, work, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(
                log.toString(StandardCharsets.UTF_8).contains("3 of 4 partitions already complete, running 1"),
                log.toString(StandardCharsets.UTF_8));
        assertSame(first, again);
        assertSame(local(options), again);
        try (Stream<Path> left = Files.list(work)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary folders removed");
        }
    }

    @Test
    void distillWithSparkTrainsOnTheLocalPathsLabels() throws Exception {
        List<String> stage = List.of(
                "distill",
                "--task",
                "gqa-sim",
                "--student",
                student.toString(),
                "--teacher",
                teacher.toString(),
                "--calls",
                calls.toString(),
                "--no-filter",
                "--steps",
                "2",
                "--replay-scenes",
                "0",
                "--set",
                "recalibrate=false");
        Run local = sdvp(CliCalls.concat(
                stage, List.of("--out", tmp.resolve("stage-local").toString())));
        assertEquals(0, local.exitCode(), local.err());
        Run onSpark = sdvp(CliCalls.concat(
                stage,
                List.of("--out", tmp.resolve("stage-spark").toString(), "--spark", MASTER, "--spark-partitions", "3")));
        assertEquals(0, onSpark.exitCode(), onSpark.err());
        JsonNode a = stageFiles(tmp.resolve("stage-local")), b = stageFiles(tmp.resolve("stage-spark"));
        assertEquals(a.get("labels"), b.get("labels"), "the labels' counts");
        assertEquals(a.get("dataSha256"), b.get("dataSha256"), "the student's provenance: the same targets in order");
        assertTrue(Files.isRegularFile(tmp.resolve("stage-spark/labels.spark/part-00002/_SUCCESS")));
    }

    /** A stage's label counts (stage.json) and its student's data hash (the checkpoint's provenance). */
    private static JsonNode stageFiles(Path out) throws Exception {
        ObjectNode n = Json.mapper().createObjectNode();
        n.set(
                "labels",
                Json.mapper().readTree(out.resolve("stage.json").toFile()).get("labels"));
        n.set(
                "dataSha256",
                Json.mapper()
                        .readTree(out.resolve("student/config.json").toFile())
                        .at("/provenance/dataSha256"));
        assertFalse(
                n.get("dataSha256").isMissingNode()
                        || n.get("dataSha256").asText().isEmpty(),
                n.toString());
        return n;
    }

    private static Labelled local(LabelOptions options) throws Exception {
        try (TeacherModel t = TeacherModel.load(teacher);
                VlmModel s = VlmModel.load(student)) {
            return new PseudoLabeler(t, s, options).label(CallsFile.read(calls));
        }
    }

    private static Labelled onSpark(LabelOptions options, int partitions, Path work, PrintStream log) throws Exception {
        return new SparkLabeler()
                .label(new ClusterLabeler.Job(
                        new ClusterLabeler.On(MASTER, partitions), calls, teacher, student, options, work, log));
    }

    private static void assertSame(Labelled expected, Labelled actual) {
        assertEquals(expected.summary(), actual.summary());
        assertEquals(expected.missingImage(), actual.missingImage());
        assertEquals(expected.targets().sha256(), actual.targets().sha256(), "targets, their order and pixels");
    }
}
