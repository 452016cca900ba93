package org.sdvp.llm.source;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.sdvp.core.program.InvalidProgramException;
import org.sdvp.core.program.ProgramError;
import org.sdvp.core.source.ProgramSourceException;
import org.sdvp.core.source.Question;
import org.sdvp.llm.cache.CacheKey;
import org.sdvp.llm.client.ChatClient;
import org.sdvp.llm.client.ChatMessage;
import org.sdvp.llm.client.ChatReply;
import org.sdvp.llm.client.LlmException;
import org.sdvp.llm.client.RetryingChatClient;
import org.sdvp.llm.prompt.PromptTemplate;
import org.sdvp.llm.prompt.Prompts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Programs written by an LLM, checked before they are used.
 *
 * <p>For each question: render the prompt (chosen by {@link Prompts.Style} and single/pair), ask, take the
 * program out of the reply ({@link PromptTemplate#extract}), check it ({@link ProgramChecker}). If it is invalid,
 * the model's reply and the checker's messages are appended to the conversation and the model is asked
 * again, up to {@code maxReasks} times; after that the {@link FallbackPrograms fallback program} is used and
 * counted. If the LLM cannot be reached (after the client's retries) the question fails with a
 * {@link ProgramSourceException} and the run goes on; a wrong key, an unknown model or an unreachable
 * server fails every later question at once with the same message, without further requests.
 *
 * <p>Thread-safe: the client bounds concurrent requests, counters are adders.
 */
public final class LlmProgramSource implements GeneratingSource, StatsReporting {
    private static final Logger LOG = LoggerFactory.getLogger(LlmProgramSource.class);

    /**
     * Failures that will repeat for every question: a wrong key, an unknown model or URL, and a server that
     * still cannot be reached after all retries (not running, wrong port). Timeouts are not among them: a
     * slow model may answer the next, shorter request.
     */
    private static final Set<LlmException.Kind> FATAL =
            EnumSet.of(LlmException.Kind.AUTHENTICATION, LlmException.Kind.NOT_FOUND, LlmException.Kind.CONNECTION);

    private final ChatClient client;
    private final Prompts.Style style;
    private final ProgramChecker checker;
    private final int maxReasks;
    private final LlmStats stats = new LlmStats();
    private final AtomicReference<LlmException> fatal = new AtomicReference<>();

    /**
     * @param client    the chat client (usually a {@link RetryingChatClient})
     * @param style     which prompts to use
     * @param checker   parses and validates generated programs
     * @param maxReasks how many times to re-ask after an invalid program (0: fall back at once)
     */
    public LlmProgramSource(ChatClient client, Prompts.Style style, ProgramChecker checker, int maxReasks) {
        if (maxReasks < 0) throw new IllegalArgumentException("re-asks must be >= 0: " + maxReasks);
        this.client = client;
        this.style = style;
        this.checker = checker;
        this.maxReasks = maxReasks;
    }

    @Override
    public String name() {
        return "llm:" + client.model();
    }

    public LlmStats counters() {
        return stats;
    }

    @Override
    public CacheKey cacheKey(Question example) {
        boolean pair = FallbackPrograms.isPair(example);
        return new CacheKey(style.version(pair), client.model(), example.question(), pair);
    }

    @Override
    public GeneratedProgram generate(Question example) throws ProgramSourceException {
        failIfBroken();
        stats.questions.increment();
        PromptTemplate prompt = prompt(example);
        Set<String> initial = initial(example, prompt);
        List<ChatMessage> messages = new ArrayList<>(prompt.render(example.question()));
        for (int attempt = 0; ; attempt++) {
            ChatReply reply = ask(example, messages);
            String program = prompt.extract(reply.text());
            try {
                checker.check(program, initial);
                return new GeneratedProgram(program, false);
            } catch (InvalidProgramException e) {
                List<String> errors =
                        e.errors().stream().map(ProgramError::format).toList();
                if (attempt >= maxReasks) {
                    LOG.info(
                            "question {}: no valid program after {} re-asks, using the fallback; last errors: {}",
                            example.id(),
                            maxReasks,
                            String.join(" ", errors));
                    stats.fallbacks.increment();
                    return new GeneratedProgram(fallbackFor(example), true);
                }
                LOG.debug("question {}: invalid program, re-asking: {}", example.id(), errors);
                stats.reasks.increment();
                messages.add(ChatMessage.assistant(reply.text()));
                messages.add(prompt.repairRequest(errors));
            }
        }
    }

    /**
     * One of several samples: the same request as the first ask (at the configured temperature), checked and
     * not re-asked. Sampling several programs and dropping the invalid ones replaces re-asking here.
     */
    @Override
    public GeneratedProgram sample(Question example, int i) throws ProgramSourceException {
        failIfBroken();
        if (i == 0) stats.questions.increment();
        PromptTemplate prompt = prompt(example);
        ChatReply reply = ask(example, prompt.render(example.question()));
        String program = prompt.extract(reply.text());
        try {
            checker.check(program, initial(example, prompt));
            return new GeneratedProgram(program, false, true);
        } catch (InvalidProgramException e) {
            stats.invalidSamples.increment();
            LOG.debug("question {} sample {}: invalid program, dropped: {}", example.id(), i, e.getMessage());
            return new GeneratedProgram(program, false, false);
        }
    }

    @Override
    public String fallbackFor(Question example) {
        return prompt(example).language().equals("python")
                ? FallbackPrograms.pythonFor(example)
                : FallbackPrograms.programFor(example);
    }

    private PromptTemplate prompt(Question example) {
        return Prompts.get(style, FallbackPrograms.isPair(example));
    }

    private static Set<String> initial(Question example, PromptTemplate prompt) {
        return example.images().isEmpty()
                ? prompt.initialVariables()
                : example.images().keySet();
    }

    private void failIfBroken() throws ProgramSourceException {
        LlmException broken = fatal.get();
        if (broken != null) throw new ProgramSourceException(broken.getMessage(), broken);
    }

    private ChatReply ask(Question example, List<ChatMessage> messages) throws ProgramSourceException {
        try {
            ChatReply reply = client.complete(messages);
            stats.calls.increment();
            stats.promptTokens.add(reply.promptTokens());
            stats.completionTokens.add(reply.completionTokens());
            return reply;
        } catch (LlmException e) {
            stats.errors.increment();
            if (FATAL.contains(e.kind())) {
                if (fatal.compareAndSet(null, e)) LOG.error("{}", e.getMessage());
            }
            throw new ProgramSourceException(
                    "question " + example.id() + ": no program from the LLM: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Long> stats() {
        Map<String, Long> m = new LinkedHashMap<>(stats.snapshot());
        if (client instanceof RetryingChatClient r) m.put("llm_retries", r.retries());
        return m;
    }

    @Override
    public void close() {
        client.close();
    }
}
