package org.sdvp.llm.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.core.source.Question;
import org.sdvp.llm.cache.CacheEntry;
import org.sdvp.llm.cache.CacheKey;
import org.sdvp.llm.cache.ProgramCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves programs from a {@link ProgramCache} and asks the wrapped {@link GeneratingSource} only on a miss,
 * storing what it returns (fallbacks included, flagged, so a second run reproduces the first and makes no
 * LLM calls). Questions that fail are not stored. Concurrent requests for the same key wait for one
 * generation instead of each asking the LLM (world datasets repeat question texts across images).
 *
 * <p>A cached program is checked again before it is served (parsing is cheap): a file written by an older
 * sdvp whose modules have since changed must not turn into invalid programs at run time. An entry that no
 * longer validates is counted ({@code cache_invalid}) and regenerated; the new line supersedes it.
 * Thread-safe.
 */
public final class CachedProgramSource implements GeneratingSource, StatsReporting {
    private static final Logger LOG = LoggerFactory.getLogger(CachedProgramSource.class);

    private final GeneratingSource inner;
    private final ProgramCache cache;
    private final Map<String, CompletableFuture<GeneratedProgram>> inFlight = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder cachedFallbacks = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final ProgramChecker checker;

    /** @param checker re-checks cached programs; {@code (p, vars) -> {}} trusts the file */
    public CachedProgramSource(GeneratingSource inner, ProgramCache cache, ProgramChecker checker) {
        this.inner = inner;
        this.cache = cache;
        this.checker = checker;
    }

    /** The cached entry for the key, if there is one and it still validates for this example. */
    private Optional<CacheEntry> usable(CacheEntry e, CacheKey key, Question example) {
        // an invalid sample is kept as it is: it is dropped from the vote anyway
        if (e == null || e.isInvalid() || example.images().isEmpty()) return Optional.ofNullable(e);
        try {
            checker.check(e.program(), example.images().keySet());
            return Optional.of(e);
        } catch (InvalidProgramException ex) {
            invalid.increment();
            LOG.warn(
                    "cached program for '{}' no longer validates ({}); regenerating",
                    key.question(),
                    ex.getMessage().replace('\n', ' '));
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public CacheKey cacheKey(Question example) {
        return inner.cacheKey(example);
    }

    @Override
    public GeneratedProgram generate(Question example) throws ProgramSourceException {
        return cached(inner.cacheKey(example), example, () -> inner.generate(example));
    }

    /** Sample {@code i}, cached under its own key (invalid samples too, so a second run asks nothing). */
    @Override
    public GeneratedProgram sample(Question example, int i) throws ProgramSourceException {
        return cached(inner.cacheKey(example).sample(i), example, () -> inner.sample(example, i));
    }

    @Override
    public String fallbackFor(Question example) {
        return inner.fallbackFor(example);
    }

    private interface Generation {
        GeneratedProgram get() throws ProgramSourceException;
    }

    private GeneratedProgram cached(CacheKey key, Question example, Generation generation)
            throws ProgramSourceException {
        CacheEntry seen = cache.get(key).orElse(null);
        Optional<CacheEntry> cached = usable(seen, key, example);
        if (cached.isPresent()) return hit(cached.get());
        CompletableFuture<GeneratedProgram> mine = new CompletableFuture<>();
        CompletableFuture<GeneratedProgram> running = inFlight.putIfAbsent(key.hash(), mine);
        if (running != null) return await(running, example);
        try {
            // re-check: another thread may have stored it between our lookup and our claim
            CacheEntry now = cache.get(key).orElse(null);
            cached = now == seen ? Optional.empty() : usable(now, key, example);
            if (cached.isPresent()) {
                GeneratedProgram g = hit(cached.get());
                mine.complete(g);
                return g;
            }
            misses.increment();
            GeneratedProgram g = generation.get();
            store(key, g);
            mine.complete(g);
            return g;
        } catch (ProgramSourceException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key.hash(), mine);
        }
    }

    private GeneratedProgram hit(CacheEntry e) {
        hits.increment();
        if (e.fallback()) cachedFallbacks.increment();
        return new GeneratedProgram(e.program(), e.fallback(), !e.isInvalid());
    }

    private GeneratedProgram await(CompletableFuture<GeneratedProgram> running, Question example)
            throws ProgramSourceException {
        try {
            GeneratedProgram g = running.get();
            hits.increment();
            if (g.fallback()) cachedFallbacks.increment();
            return g;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProgramSourceException(
                    "question " + example.id() + ": interrupted while waiting for the program", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProgramSourceException pse) {
                throw new ProgramSourceException("question " + example.id() + ": " + pse.getMessage(), pse);
            }
            throw new ProgramSourceException("question " + example.id() + ": " + e.getCause(), e.getCause());
        }
    }

    private void store(CacheKey key, GeneratedProgram g) {
        try {
            cache.put(CacheEntry.of(key, g.program(), g.fallback(), !g.valid()));
        } catch (IOException e) {
            // the program is still good for this run; losing the cache line only costs a call next time
            LOG.warn("cannot append to program cache {}: {}", cache.file(), e.toString());
        }
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    @Override
    public Map<String, Long> stats() {
        Map<String, Long> m = new LinkedHashMap<>();
        if (inner instanceof StatsReporting s) m.putAll(s.stats());
        m.put("cache_hits", hits());
        m.put("cache_misses", misses());
        m.put("cache_fallbacks", cachedFallbacks.sum());
        m.put("cache_invalid", invalid.sum());
        m.put("cache_entries", (long) cache.size());
        m.put("cache_skipped_lines", (long) cache.skippedLines());
        return m;
    }

    @Override
    public void close() {
        try {
            cache.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close program cache " + cache.file(), e);
        } finally {
            inner.close();
        }
    }
}
