package org.sdvp.cli.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sdvp.core.io.DataException;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.ToolServices;
import org.sdvp.llm.client.ClientConfig;
import org.sdvp.llm.client.RetryingChatClient;
import org.sdvp.llm.knowledge.LlmLister;
import org.sdvp.llm.source.LlmOptions;

/**
 * Adds the LLM endpoint ({@code --llm-base-url}) as the backend of LIST, ahead of the {@code --modules}
 * backends (an explicitly configured LLM answers knowledge queries; the world oracle only knows its own
 * vocabularies). LIST answers are cached in {@code llm-lists.jsonl} beside the program cache.
 */
public final class Knowledge {
    /** The LIST cache's file name, beside {@code --llm-cache}. */
    public static final String CACHE = "llm-lists.jsonl";

    private Knowledge() {}

    public static ModelServices withLlm(ModelServices services, LlmOptions o) throws DataException {
        if (o.baseUrl() == null || o.baseUrl().isBlank()) return services;
        if (o.model() == null || o.model().isBlank()) {
            throw new DataException("LIST via --llm-base-url " + o.baseUrl() + " needs --llm-model");
        }
        ClientConfig config = new ClientConfig(
                o.baseUrl(),
                o.model(),
                o.keyEnv(),
                o.temperature(),
                o.maxTokens(),
                o.timeout(),
                o.retries(),
                o.concurrency(),
                java.time.Duration.ofMillis(500),
                java.time.Duration.ofSeconds(30),
                0L);
        RetryingChatClient client = RetryingChatClient.create(config);
        Path cache = o.cache() == null ? null : o.cache().toAbsolutePath().resolveSibling(CACHE);
        LlmLister lister;
        try {
            lister = new LlmLister(client, cache);
        } catch (IOException e) {
            throw new DataException(e.getMessage(), e);
        }
        ModelServices llm = ModelServices.builder("llm")
                .tools(ToolServices.none().withLister(lister))
                .closing(client)
                .build();
        return ModelServices.firstCovering(services.name() + "+llm", List.of(llm, services));
    }
}
