package org.sdvp.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramCacheTest {
    @TempDir
    Path dir;

    private static CacheKey key(String q) {
        return new CacheKey("visprog-single-v1", "m", q, false);
    }

    @Test
    void keyDependsOnEveryField() {
        CacheKey k = key("How many cubes?");
        assertEquals(64, k.hash().length());
        assertEquals(k.hash(), key("How many cubes?").hash());
        assertNotEquals(k.hash(), key("How many cubes ?").hash());
        assertNotEquals(k.hash(), new CacheKey("visprog-single-v2", "m", "How many cubes?", false).hash());
        assertNotEquals(k.hash(), new CacheKey("visprog-single-v1", "m2", "How many cubes?", false).hash());
        assertNotEquals(k.hash(), new CacheKey("visprog-single-v1", "m", "How many cubes?", true).hash());
        // the separator keeps ("ab","c") and ("a","bc") apart
        assertNotEquals(new CacheKey("p", "ab", "c", false).hash(), new CacheKey("p", "a", "bc", false).hash());
    }

    @Test
    void entriesSurviveReopening() throws Exception {
        Path file = dir.resolve("sub/cache.jsonl");
        try (ProgramCache c = ProgramCache.open(file)) {
            c.put(CacheEntry.of(key("a"), "P1", false));
            c.put(CacheEntry.of(key("b"), "P2", true));
            c.put(CacheEntry.of(key("a"), "P3", false)); // a later line wins
        }
        try (ProgramCache c = ProgramCache.open(file)) {
            assertEquals(2, c.size());
            assertEquals("P3", c.get(key("a")).orElseThrow().program());
            assertTrue(c.get(key("b")).orElseThrow().fallback());
            assertTrue(c.get(key("c")).isEmpty());
        }
    }

    @Test
    void corruptAndFutureLinesAreSkippedAndAppendsStillWork() throws Exception {
        Path file = dir.resolve("cache.jsonl");
        try (ProgramCache c = ProgramCache.open(file)) {
            c.put(CacheEntry.of(key("a"), "P1", false));
        }
        String future = "{\"v\":99,\"key\":\"" + key("z").hash() + "\",\"program\":\"X\"}\n";
        Files.writeString(
                file,
                Files.readString(file) + "not json\n" + future + "{\"v\":1,\"key\":\"trunc",
                StandardCharsets.UTF_8);
        try (ProgramCache c = ProgramCache.open(file)) {
            assertEquals(3, c.skippedLines());
            assertEquals(1, c.size());
            assertTrue(
                    c.problems().get(0).startsWith(file + ":2: skipped corrupt line"),
                    c.problems().toString());
            assertTrue(
                    c.problems().get(1).startsWith(file + ":3: skipped entry of format version 99"),
                    c.problems().toString());
            assertTrue(
                    c.problems().get(2).startsWith(file + ":4: skipped corrupt line"),
                    c.problems().toString());
            assertTrue(c.get(key("z")).isEmpty());
            c.put(CacheEntry.of(key("b"), "P2", false));
        }
        // the truncated last line got its newline, so the new entry is on a line of its own
        try (ProgramCache c = ProgramCache.open(file)) {
            assertEquals("P2", c.get(key("b")).orElseThrow().program());
            assertEquals(3, c.skippedLines());
        }
    }

    @Test
    void concurrentPutsWriteWholeLines() throws Exception {
        Path file = dir.resolve("cache.jsonl");
        try (ProgramCache c = ProgramCache.open(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                fs.add(pool.submit(() -> {
                    c.put(CacheEntry.of(key("q" + n), "BOX0=LOC(image=IMAGE,object='x" + n + "')\n".repeat(20), false));
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
        }
        try (ProgramCache c = ProgramCache.open(file)) {
            assertEquals(400, c.size());
            assertEquals(0, c.skippedLines());
        }
        assertEquals(400, Files.readAllLines(file).size());
    }
}
