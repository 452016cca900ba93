package org.sdvp.llm.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.sdvp.llm.client.ChatMessage;

/**
 * A versioned prompt: an instruction, in-context examples and the slot for the new question.
 *
 * <p>Prompts live in resource files {@code org/sdvp/llm/prompts/NAME.txt}; the file name is the version
 * and goes into every cache key, so editing a prompt means adding a {@code -v2} file rather than
 * changing {@code -v1} (old cache entries would otherwise be served for the new prompt). File format:
 * <pre>
 * # comment lines start with '#'
 * label: Question              (how examples and the new question are introduced)
 * initial: IMAGE               (the initial variables of the programs, comma-separated)
 * language: python             (optional: visprog (default) or python, which decides how replies are read)
 * === instruction
 * free text, sent as the system message
 * === examples
 * Question: ...
 * From: gqa-sim train seed=1 index=17   (optional: where the example was taken from; never val or test)
 * Program:
 * STEP=...
 * (blank line)
 * </pre>
 * Immutable and thread-safe.
 *
 * @param version          the resource name without {@code .txt}, e.g. {@code visprog-single-v1}
 * @param label            {@code Question} or {@code Statement}
 * @param initialVariables the variables the programs start with ({@code IMAGE}, or {@code LEFT}, {@code RIGHT})
 * @param instruction      the system message
 * @param examples         the in-context examples, in file order
 * @param language         {@code visprog} or {@code python}: how a reply is read ({@link #extract})
 */
public record PromptTemplate(
        String version,
        String label,
        Set<String> initialVariables,
        String instruction,
        List<PromptExample> examples,
        String language) {
    private static final String RESOURCE_DIR = "/org/sdvp/llm/prompts/";

    public PromptTemplate {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(label, "label");
        initialVariables = Set.copyOf(new LinkedHashSet<>(initialVariables));
        Objects.requireNonNull(instruction, "instruction");
        examples = List.copyOf(examples);
        if (initialVariables.isEmpty()) throw new IllegalArgumentException(version + ": no initial variables");
        if (instruction.isBlank()) throw new IllegalArgumentException(version + ": empty instruction");
        if (examples.isEmpty()) throw new IllegalArgumentException(version + ": no examples");
        if (!language.equals("visprog") && !language.equals("python")) {
            throw new IllegalArgumentException(version + ": language must be visprog or python, not " + language);
        }
    }

    public PromptTemplate(
            String version,
            String label,
            Set<String> initialVariables,
            String instruction,
            List<PromptExample> examples) {
        this(version, label, initialVariables, instruction, examples, "visprog");
    }

    /** The program in a reply, read as this prompt's language ({@link ProgramExtractor}). */
    public String extract(String reply) {
        return language.equals("python") ? ProgramExtractor.extractPython(reply) : ProgramExtractor.extract(reply);
    }

    /** Loads {@code org/sdvp/llm/prompts/VERSION.txt} from the class path. */
    public static PromptTemplate load(String version) {
        String path = RESOURCE_DIR + version + ".txt";
        try (InputStream in = PromptTemplate.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("no prompt '" + version + "' (resource " + path + ")");
            return parse(version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read prompt resource " + path, e);
        }
    }

    /** Parses the file format above; errors name the version and line. */
    public static PromptTemplate parse(String version, String text) {
        String label = "Question";
        String language = "visprog";
        String from = "";
        Set<String> initial = new LinkedHashSet<>();
        StringBuilder instruction = new StringBuilder();
        List<PromptExample> examples = new ArrayList<>();
        String section = "";
        String question = null;
        int questionLine = 0;
        List<String> program = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            int lineNo = i + 1;
            boolean end = i == lines.length;
            if (!end && line.startsWith("#")) continue;
            if (!end && line.startsWith("=== ")) {
                section = line.substring(4).trim();
                if (!section.equals("instruction") && !section.equals("examples")) {
                    throw new IllegalArgumentException(version + ":" + lineNo + ": unknown section '" + section + "'");
                }
                continue;
            }
            switch (section) {
                case "" -> {
                    if (line.isBlank()) continue;
                    int colon = line.indexOf(':');
                    String key = colon < 0 ? line : line.substring(0, colon).trim();
                    String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                    switch (key) {
                        case "label" -> label = value;
                        case "language" -> language = value;
                        case "initial" -> {
                            for (String v : value.split(",")) if (!v.isBlank()) initial.add(v.trim());
                        }
                        default ->
                            throw new IllegalArgumentException(
                                    version + ":" + lineNo + ": unknown header '" + key + "'");
                    }
                }
                case "instruction" -> instruction.append(line).append('\n');
                default -> {
                    if (line.isBlank() || end) {
                        if (question != null) {
                            if (program == null || program.isEmpty()) {
                                throw new IllegalArgumentException(
                                        version + ":" + questionLine + ": example has no program");
                            }
                            examples.add(new PromptExample(question, String.join("\n", program), questionLine, from));
                        }
                        question = null;
                        program = null;
                        from = "";
                    } else if (question == null) {
                        String prefix = label + ":";
                        if (!line.startsWith(prefix)) {
                            throw new IllegalArgumentException(
                                    version + ":" + lineNo + ": expected '" + prefix + " ...'");
                        }
                        question = line.substring(prefix.length()).trim();
                        questionLine = lineNo;
                    } else if (program == null && line.startsWith("From:")) {
                        from = line.substring("From:".length()).trim();
                    } else if (program == null) {
                        if (!line.trim().equals("Program:")) {
                            throw new IllegalArgumentException(version + ":" + lineNo + ": expected 'Program:'");
                        }
                        program = new ArrayList<>();
                    } else {
                        program.add(line.stripTrailing()); // Python keeps its indentation
                    }
                }
            }
        }
        return new PromptTemplate(
                version, label, initial, instruction.toString().strip(), examples, language);
    }

    /** The messages for a new question: the instruction as system message, examples and question as user message. */
    public List<ChatMessage> render(String question) {
        String shots = examples.stream()
                .map(e -> label + ": " + e.question() + "\nProgram:\n" + e.program())
                .collect(Collectors.joining("\n\n"));
        String user = shots + "\n\n" + label + ": " + oneLine(question) + "\nProgram:\n";
        return List.of(ChatMessage.system(instruction), ChatMessage.user(user));
    }

    /**
     * The follow-up after an invalid program: the validator's messages and a request for a corrected
     * program. Sent after the model's own reply so it sees what it wrote.
     */
    public ChatMessage repairRequest(List<String> errors) {
        return ChatMessage.user("That program is invalid:\n" + String.join("\n", errors)
                + "\nWrite the corrected program for the same " + label.toLowerCase(java.util.Locale.ROOT)
                + ". Answer with the program only.");
    }

    /** Questions go on one line so that they cannot inject a fake 'Program:' line. */
    static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
