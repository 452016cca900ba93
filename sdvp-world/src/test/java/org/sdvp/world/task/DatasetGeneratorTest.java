package org.sdvp.world.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;

class DatasetGeneratorTest {
    @TempDir
    Path dir;

    private static DatasetGenerator.Request request(String task, String split, int count, long seed, Path out) {
        WorldTaskSpec spec = WorldTaskSpec.get(task);
        return new DatasetGenerator.Request(
                spec, split, count, seed, spec.defaultStyle(), out, SceneGenerator.Config.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gqa-sim", "nlvr-sim"})
    void sameSeedGivesByteIdenticalFilesAndImages(String task) throws IOException {
        new DatasetGenerator().generate(request(task, "val", 24, 3, dir.resolve("a")), n -> {});
        new DatasetGenerator().generate(request(task, "val", 24, 3, dir.resolve("b")), n -> {});
        Map<Path, byte[]> a = files(dir.resolve("a")), b = files(dir.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.size() > 24, "images and JSON files written: " + a.keySet().size());
        for (Path p : a.keySet()) assertArrayEquals(a.get(p), b.get(p), p.toString());
    }

    private static Map<Path, byte[]> files(Path root) throws IOException {
        Map<Path, byte[]> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(root.relativize(p), Files.readAllBytes(p));
        }
        return out;
    }

    @Test
    void differentSeedsGiveDifferentData() {
        var a = new DatasetGenerator().draw(request("count-sim", "train", 20, 1, dir));
        var b = new DatasetGenerator().draw(request("count-sim", "train", 20, 2, dir));
        assertTrue(!a.get(0)
                .scenes()
                .get(0)
                .objects()
                .equals(b.get(0).scenes().get(0).objects()));
    }

    @Test
    void splitsShareNoScene() {
        Set<Object> seen = new HashSet<>();
        for (String split : List.of("train", "val", "test")) {
            for (GeneratedExample ex : new DatasetGenerator().draw(request("gqa-sim", split, 300, 1, dir))) {
                Scene s = ex.scenes().get(0);
                assertTrue(seen.add(s.objects()), split + " repeats a scene of another split: " + s.imageFilename());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gqa-sim", "nlvr-sim", "count-sim"})
    void noAnswerExceedsItsShareOfAType(String task) {
        WorldTaskSpec spec = WorldTaskSpec.get(task);
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Integer> perType = new HashMap<>();
        List<GeneratedExample> all = new DatasetGenerator().draw(request(task, "train", 320, 9, dir));
        for (GeneratedExample ex : all) {
            String type = ex.question().type();
            perType.merge(type, 1, Integer::sum);
            counts.computeIfAbsent(type, t -> new HashMap<>())
                    .merge(Answers.text(spec.answers(), ex.answer()), 1, Integer::sum);
        }
        counts.forEach((type, byAnswer) -> byAnswer.forEach((answer, n) -> {
            boolean binary = byAnswer.keySet().stream()
                    .allMatch(x -> Set.of("yes", "no", "True", "False").contains(x));
            double cap = Math.ceil((binary ? 0.5 : 0.25) * perType.get(type));
            assertTrue(n <= cap, task + " " + type + ": '" + answer + "' " + n + " of " + perType.get(type));
        }));
        assertEquals(spec.questions().types().size(), perType.size(), "every type generated");
    }

    @Test
    void seedsOfSplitsDiffer() {
        assertTrue(Seeds.of("gqa-sim", "train", 1) != Seeds.of("gqa-sim", "test", 1));
        assertTrue(Seeds.of("gqa-sim", "train", 1) != Seeds.of("nlvr-sim", "train", 1));
        assertEquals(Seeds.of("gqa-sim", "train", 1), Seeds.of("gqa-sim", "train", 1));
    }

    @Test
    void aStyleMixGivesEachSceneOneOfItsStyles() throws IOException {
        WorldTaskSpec spec = WorldTaskSpec.get("count-sim");
        var r = new DatasetGenerator.Request(
                spec, "train", 40, 1, "studio:1,dusk:1", dir.resolve("mix"), SceneGenerator.Config.defaults());
        Set<String> styles = new HashSet<>();
        for (GeneratedExample ex : new DatasetGenerator().generate(r, n -> {}))
            styles.add(ex.scenes().get(0).style());
        assertEquals(Set.of("studio", "dusk"), styles);
        assertTrue(Files.readString(dir.resolve("mix/scenes.json")).contains("\"style\":\"dusk\""));
    }
}
