package org.sdvp.cli.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sdvp.llm.source.LlmOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class LlmMixinTest {
    @Command(name = "t")
    static final class Host {
        @Mixin
        LlmMixin llm;
    }

    private static LlmOptions parse(String... args) {
        Host host = new Host();
        new CommandLine(host).parseArgs(args);
        return host.llm.options();
    }

    @Test
    void defaults() {
        LlmOptions o = parse();
        assertNull(o.baseUrl());
        assertEquals("OPENAI_API_KEY", o.keyEnv());
        assertEquals(0.0, o.temperature());
        assertEquals(512, o.maxTokens());
        assertEquals(Duration.ofSeconds(60), o.timeout());
        assertEquals(4, o.retries());
        assertEquals(4, o.concurrency());
        assertEquals(Path.of("llm-programs.jsonl"), o.cache());
        assertEquals(2, o.reasks());
        assertEquals("auto", o.prompts());
    }

    @Test
    void everyOptionReachesTheRecord() {
        LlmOptions o = parse(
                "--llm-base-url",
                "http://127.0.0.1:11434/v1",
                "--llm-model",
                "qwen2.5-coder:7b",
                "--llm-key-env",
                "MY_KEY",
                "--llm-temperature",
                "0.3",
                "--llm-max-tokens",
                "300",
                "--llm-timeout",
                "2.5",
                "--llm-retries",
                "1",
                "--llm-concurrency",
                "8",
                "--llm-cache",
                "none",
                "--reasks",
                "0",
                "--llm-prompts",
                "real");
        assertEquals("http://127.0.0.1:11434/v1", o.baseUrl());
        assertEquals("qwen2.5-coder:7b", o.model());
        assertEquals("MY_KEY", o.keyEnv());
        assertEquals(0.3, o.temperature());
        assertEquals(300, o.maxTokens());
        assertEquals(Duration.ofMillis(2500), o.timeout());
        assertEquals(1, o.retries());
        assertEquals(8, o.concurrency());
        assertNull(o.cache());
        assertEquals(0, o.reasks());
        assertEquals("real", o.prompts());
        assertEquals("qwen2.5-coder:7b", o.clientConfig().model());
    }
}
