package org.sdvp.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.interp.VisProgInterpreter;
import org.sdvp.core.io.BadImages;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.service.ModelGateway;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.source.DatasetPrograms;
import org.sdvp.core.value.TextValue;

/** A killed run resumes from its journal to the same results; bad data costs only its own question. */
class EvaluatorResumeTest {
    @TempDir
    Path dir;

    private static final Map<String, String> RUN = Map.of("task", "toy", "split", "test");

    private List<Example> examples() throws Exception {
        Path image = dir.resolve("img.png");
        Files.write(image, BadImages.noisePng(8, 3));
        BadImages.writeAll(dir.resolve("bad"));
        List<Example> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String program = "A=EVAL(expr=\"" + (i % 7) + "\")";
            Path img = switch (i) {
                case 11 -> dir.resolve("bad/empty.png");
                case 23 -> dir.resolve("bad/truncated.png");
                case 35 -> dir.resolve("bad/text.png");
                case 47 -> dir.resolve("bad/bomb.png");
                case 52 -> dir.resolve("bad/gone.png");
                default -> image;
            };
            all.add(new Example(
                    "q" + i,
                    i % 3 == 0 ? "a" : "b",
                    "question " + i,
                    Map.of("IMAGE", img),
                    Optional.of(i == 5 ? "A=NOPE(x=1)" : program),
                    Optional.of(new TextValue(Integer.toString(i % 5))),
                    Map.of()));
        }
        all.set(17, Example.invalid("line 18", new DataException(DataException.Kind.MALFORMED_JSON, "bad line")));
        all.set(29, Example.invalid("line 30", new DataException(DataException.Kind.ABSURD_VALUE, "1e400")));
        return all;
    }

    private static Task task() {
        return new Task() {
            @Override
            public String name() {
                return "toy";
            }

            @Override
            public String description() {
                return "toy";
            }

            @Override
            public Set<String> initialVariables() {
                return Set.of("IMAGE");
            }

            @Override
            public Metric metric() {
                return new ExactMatch();
            }

            @Override
            public ExampleSource open(Path d, String split) {
                throw new UnsupportedOperationException("the test hands the evaluator its examples directly");
            }
        };
    }

    private EvalResult run(List<Example> examples, RunJournal journal, AtomicInteger ran) throws Exception {
        try (ModelGateway g = new ModelGateway(ModelServices.none())) {
            return new Evaluator(task(), new VisProgInterpreter(), new DatasetPrograms(), g, 4)
                    .run(
                            ExampleSource.of(examples),
                            "test",
                            Map.of(),
                            (ex, r, e) -> ran.incrementAndGet(),
                            journal,
                            (ex, r, e) -> Json.mapper().getNodeFactory().textNode("extra " + ex.id()));
        }
    }

    /** results.json without what only says how long it took. */
    private static String timingsAside(EvalResult r) {
        return Json.pretty(new EvalResult(
                r.task(),
                r.split(),
                r.framework(),
                r.modules(),
                r.metric(),
                r.count(),
                r.score(),
                r.errors(),
                r.byType(),
                r.misses(),
                0,
                Map.of(),
                r.programs(),
                r.provenance(),
                r.aggregates(),
                Map.of()));
    }

    @Test
    void everyBadInputIsThatQuestionsErrorCountedByReasonAndTheRunCompletes() throws Exception {
        EvalResult r = run(examples(), RunJournal.none(), new AtomicInteger());
        assertEquals(60, r.count());
        assertEquals(
                Map.of(
                        "empty-file",
                        1,
                        "truncated-image",
                        1,
                        "not-an-image",
                        1,
                        "image-too-large",
                        1,
                        "missing-file",
                        1,
                        "malformed-json",
                        1,
                        "absurd-value",
                        1,
                        "invalid-program",
                        1),
                r.errorsByReason());
        assertEquals(8, r.errors());
        assertTrue(Json.pretty(r).contains("\"errorsByReason\" : {"), "written to results.json");
        QuestionResult bomb = r.misses().stream()
                .filter(q -> q.id().equals("q47"))
                .findFirst()
                .orElseThrow();
        assertTrue(bomb.error().contains("50000 x 50000"), bomb.error());
        // read back (the experiment reads results.json files): the derived field is not an input
        EvalResult back = Json.mapper().readValue(Json.pretty(r), EvalResult.class);
        assertEquals(r.errorsByReason(), back.errorsByReason());
    }

    @Test
    void aRunKilledMidWayResumesFromItsJournalToTheSameResults() throws Exception {
        List<Example> examples = examples();
        Path full = dir.resolve("full.journal");
        EvalResult uninterrupted;
        try (RunJournal j = RunJournal.open(full, RUN, false)) {
            uninterrupted = run(examples, j, new AtomicInteger());
        }
        List<String> lines = Files.readAllLines(full);
        assertEquals(61, lines.size(), "a header and one line per question");
        // what kill -9 leaves: the header, 25 finished questions (in the order threads finished) and half a line
        Path killed = dir.resolve("killed.journal");
        String partial =
                String.join("\n", lines.subList(0, 26)) + "\n" + lines.get(26).substring(0, 40);
        Files.writeString(killed, partial, StandardCharsets.UTF_8);

        AtomicInteger ran = new AtomicInteger();
        EvalResult resumed;
        try (RunJournal j = RunJournal.open(killed, RUN, false)) {
            assertEquals(25, j.restored().size());
            assertTrue(j.restored().values().iterator().next().extra().asText().startsWith("extra q"));
            resumed = run(examples, j, ran);
        }
        assertEquals(35, ran.get(), "only the questions not in the journal run again");
        assertEquals(timingsAside(uninterrupted), timingsAside(resumed));
        assertEquals(61, Files.readAllLines(killed).size(), "the cut-off line was dropped, every question is recorded");
    }

    @Test
    void aJournalOfAnotherRunOrOtherDataIsRefused() throws Exception {
        Path journal = dir.resolve("r.journal");
        List<Example> examples = examples();
        try (RunJournal j = RunJournal.open(journal, RUN, false)) {
            run(examples.subList(0, 5), j, new AtomicInteger());
        }
        DataException other = assertThrows(
                DataException.class, () -> RunJournal.open(journal, Map.of("task", "toy", "split", "val"), false));
        assertTrue(
                other.getMessage().contains("split: test -> val")
                        && other.getMessage().contains("--restart"),
                other.getMessage());
        List<Example> changed = new ArrayList<>(examples.subList(1, 6));
        try (RunJournal j = RunJournal.open(journal, RUN, false)) {
            DataException e = assertThrows(DataException.class, () -> run(changed, j, new AtomicInteger()));
            assertTrue(e.getMessage().contains("does not match the data"), e.getMessage());
        }
        try (RunJournal j = RunJournal.open(journal, RUN, true)) {
            assertEquals(0, j.restored().size(), "--restart");
        }
        // a run that stopped before its first question (a mistyped option) leaves a journal that is replaced
        Path empty = dir.resolve("empty.journal");
        RunJournal.open(empty, Map.of("task", "toy", "split", "tset"), false).close();
        try (RunJournal j = RunJournal.open(empty, RUN, false)) {
            assertEquals(0, j.restored().size());
        }
        assertTrue(Files.readString(empty).contains("\"split\":\"test\""), Files.readString(empty));
    }

    @Test
    void aFullDiskStopsTheRunWithAClearErrorAndWhatWasJournalledStaysLoadable() throws Exception {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(devFull), "/dev/full is Linux only");
        try (var channel = java.nio.channels.FileChannel.open(devFull, java.nio.file.StandardOpenOption.WRITE);
                RunJournal full = RunJournal.writingTo(channel)) {
            var e = assertThrows(java.io.UncheckedIOException.class, () -> run(examples(), full, new AtomicInteger()));
            assertTrue(
                    e.getMessage().contains("No space left on device")
                            && e.getMessage().contains("run the same command again"),
                    e.getMessage());
        }
    }
}
