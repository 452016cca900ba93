package org.sdvp.llm.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.Lister;
import org.sdvp.core.service.ModelServiceException;
import org.sdvp.llm.client.ChatClient;
import org.sdvp.llm.client.ChatMessage;
import org.sdvp.llm.client.LlmException;

/**
 * LIST answered by an LLM with VisProg's own few-shot prompt ("List at most {max} {query} separated by
 * commas"), the reply split at commas. Answers are cached by model, query and max — in memory and, when a
 * file is given, in JSON lines reused across runs (as generated programs are), so a benchmark asks each
 * list once. Thread-safe.
 */
public final class LlmLister implements Lister {
    static final String PROMPT = """
            Create comma separated lists based on the query.

            Query: List at most 3 primary colors separated by commas
            List:
            red, blue, green

            Query: List at most 2 north american states separated by commas
            List:
            California, Washington

            Query: List at most %d %s separated by commas
            List:""";

    private final ChatClient client;
    private final Path cacheFile;
    private final Map<String, List<String>> cache = new LinkedHashMap<>();

    /** @param cacheFile JSON lines of earlier answers, or null for an in-memory cache only */
    public LlmLister(ChatClient client, Path cacheFile) throws IOException {
        this.client = client;
        this.cacheFile = cacheFile;
        if (cacheFile != null && Files.isRegularFile(cacheFile)) {
            int line = 0;
            for (String row : Files.readAllLines(cacheFile, StandardCharsets.UTF_8)) {
                line++;
                if (row.isBlank()) continue;
                try {
                    JsonNode n = Json.mapper().readTree(row);
                    cache.put(
                            n.get("key").asText(),
                            Arrays.asList(Json.mapper().treeToValue(n.get("items"), String[].class)));
                } catch (IOException | RuntimeException e) {
                    throw new IOException(
                            cacheFile + " line " + line + ": not a LIST cache entry (" + e.getMessage() + ")", e);
                }
            }
        }
    }

    @Override
    public synchronized List<String> list(String query, int max) throws ModelServiceException {
        String key = client.model() + "\u0000" + max + "\u0000" + query.strip();
        List<String> hit = cache.get(key);
        if (hit != null) return hit;
        String reply;
        try {
            reply = client.complete(
                            List.of(ChatMessage.user(String.format(java.util.Locale.ROOT, PROMPT, max, query.strip()))))
                    .text();
        } catch (LlmException e) {
            throw new ModelServiceException("LIST '" + query + "': " + e.getMessage(), e);
        }
        List<String> items = parse(reply, max);
        if (items.isEmpty()) throw new ModelServiceException("LIST '" + query + "': the LLM listed nothing: " + reply);
        cache.put(key, items);
        persist(key, items);
        return items;
    }

    /** The first line of the reply, split at commas, at most {@code max} distinct non-empty items. */
    static List<String> parse(String reply, int max) {
        String line = reply.strip().lines().findFirst().orElse("");
        return Arrays.stream(line.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .limit(max)
                .toList();
    }

    private void persist(String key, List<String> items) throws ModelServiceException {
        if (cacheFile == null) return;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.put("items", items);
        try (BufferedWriter w = Files.newBufferedWriter(
                cacheFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(Json.mapper().writeValueAsString(row));
            w.write('\n');
        } catch (IOException e) {
            throw new ModelServiceException("cannot write the LIST cache " + cacheFile + ": " + e.getMessage(), e);
        }
    }
}
