package org.sdvp.serve.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used files, parsed, keyed by path, modification time and size: a run being written
 * while it is browsed is read again as soon as a file changes.
 */
final class ParsedFiles<T> {
    @FunctionalInterface
    interface Parser<T> {
        T parse(Path file) throws IOException;
    }

    private record Key(Path file, long modified, long size) {}

    private final Map<Key, T> cache;

    ParsedFiles(int capacity) {
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, T> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A JSON file as a tree. */
    static com.fasterxml.jackson.databind.JsonNode json(Path file) throws IOException {
        return org.sdvp.core.io.Json.mapper().readTree(file.toFile());
    }

    T get(Path file, Parser<T> parser) {
        try {
            Key key = new Key(file, Files.getLastModifiedTime(file).toMillis(), Files.size(file));
            synchronized (cache) {
                T cached = cache.get(key);
                if (cached != null) return cached;
            }
            T value = parser.parse(file);
            synchronized (cache) {
                cache.put(key, value);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
