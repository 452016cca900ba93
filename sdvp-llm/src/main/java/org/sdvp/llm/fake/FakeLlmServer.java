package org.sdvp.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Tasks;
import org.sdvp.llm.fake.FakeChatServer.Response;

/**
 * A canned-reply chat-completions server for checking {@code sdvp eval --programs llm} by hand (started by
 * {@code scripts/fake-llm-server.sh}). It reads the question from the prompt's last
 * {@code Question:}/{@code Statement:} line and answers with:
 * <ol>
 *   <li>the program given for that exact question text in {@code --replies FILE} (JSON lines
 *       {@code {"question": "...", "program": "..."}}) or, with {@code --task T --data DIR [--split S]},
 *       the dataset program of a question with that text (so an LLM run can reproduce the dataset-program
 *       score), else</li>
 *   <li>a whole-question VQA program (for a pair statement: VQA on LEFT and RIGHT, combined with
 *       {@code or}).</li>
 * </ol>
 * With {@code --program-file FILE} (JSON lines {@code {"id", "program"}}, e.g. the native ViperGPT programs
 * {@code WorldViperPrograms} writes) and {@code --task/--data}, each question text gets the program of its
 * id. A request whose instruction asks for {@code def execute_command} (the {@code viper-*} prompts) gets
 * Python: the canned program, else {@code simple_query} of the question.
 * With {@code --invalid-first} the first reply to each new question is an invalid program (for Python: a
 * call of a method that does not exist), so the re-ask path runs too. Binds to 127.0.0.1 only.
 */
public final class FakeLlmServer {
    private static final Pattern LAST_QUESTION = Pattern.compile("(?s).*(Question|Statement): ([^\\n]*)\\nProgram:");

    private final Map<String, String> replies;
    private final boolean invalidFirst;
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    FakeLlmServer(Map<String, String> replies, boolean invalidFirst) {
        this.replies = Map.copyOf(replies);
        this.invalidFirst = invalidFirst;
    }

    Response respond(int index, JsonNode request) {
        String question = null;
        boolean pair = false;
        for (JsonNode m : request.path("messages")) {
            if (!"user".equals(m.path("role").asText())) continue;
            Matcher matcher = LAST_QUESTION.matcher(m.path("content").asText());
            if (matcher.find()) {
                question = matcher.group(2).strip();
                pair = matcher.group(1).equals("Statement");
            }
        }
        if (question == null) return Response.error(400, "no 'Question: ...' or 'Statement: ...' line in the prompt");
        if (FakeChatServer.systemMessage(request).contains("def execute_command")) return python(question, pair);
        if (invalidFirst && seen.putIfAbsent(question, Boolean.TRUE) == null) {
            return Response.ok(
                    "Here is the program:\nANSWER0=VQA(img=IMAGE,question='?')\nFINAL_RESULT=RESULT(var=ANSWER1)");
        }
        String program = replies.get(question);
        if (program == null) {
            String q = "'" + question.replace("\\", "\\\\").replace("'", "\\'") + "'";
            program = pair
                    ? "ANSWER0=VQA(image=LEFT,question=" + q + ")\nANSWER1=VQA(image=RIGHT,question=" + q + ")\n"
                            + "ANSWER2=EVAL(expr=\"'yes' if {ANSWER0} or {ANSWER1} else 'no'\")\nFINAL_ANSWER=RESULT(var=ANSWER2)"
                    : "ANSWER0=VQA(image=IMAGE,question=" + q + ")\nFINAL_RESULT=RESULT(var=ANSWER0)";
        }
        return Response.ok("```\n" + program + "\n```");
    }

    private Response python(String question, boolean pair) {
        if (invalidFirst && seen.putIfAbsent(question, Boolean.TRUE) == null) {
            return Response.ok("```python\ndef execute_command(" + (pair ? "left, right" : "image") + "):\n"
                    + "    return ImagePatch(" + (pair ? "left" : "image") + ").find_objects('thing')\n```");
        }
        String program = replies.get(question);
        if (program == null) {
            String q = "'" + question.replace("\\", "\\\\").replace("'", "\\'") + "'";
            program = pair
                    ? "def execute_command(left, right):\n    return ImagePatch(left).simple_query(" + q + ") == 'yes' "
                            + "or ImagePatch(right).simple_query(" + q + ") == 'yes'\n"
                    : "def execute_command(image):\n    return ImagePatch(image).simple_query(" + q + ")\n";
        }
        return Response.ok("```python\n" + program + "\n```");
    }

    /** A program file (JSON lines {@code {"id", "program"}}) keyed by the question texts of a split's ids. */
    static Map<String, String> programFileReplies(Path file, String task, Path data, String split) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> byId = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            byId.put(n.path("id").asText(), n.path("program").asText());
        }
        Map<String, String> m = new HashMap<>();
        try (ExampleSource examples = Tasks.find(task).open(data, split)) {
            while (examples.hasNext()) {
                Example e = examples.next();
                String p = byId.get(e.id());
                if (p != null) m.putIfAbsent(e.question().strip(), p);
            }
        }
        return m;
    }

    static Map<String, String> readReplies(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> m = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode n = json.readTree(lines.get(i));
            if (!n.path("question").isTextual() || !n.path("program").isTextual()) {
                throw new IOException(file + ":" + (i + 1) + ": expected {\"question\": ..., \"program\": ...}");
            }
            m.put(n.get("question").asText().strip(), n.get("program").asText());
        }
        return m;
    }

    /** The dataset programs of a split, by question text (the first program wins for repeated texts). */
    static Map<String, String> datasetReplies(String task, Path data, String split) throws Exception {
        Map<String, String> m = new HashMap<>();
        try (ExampleSource examples = Tasks.find(task).open(data, split)) {
            while (examples.hasNext()) {
                Example e = examples.next();
                e.program().ifPresent(p -> m.putIfAbsent(e.question().strip(), p));
            }
        }
        return m;
    }

    /** {@code [--port N] [--replies FILE] [--task T --data DIR [--split S]] [--invalid-first]}; runs until killed. */
    public static void main(String[] args) throws Exception {
        int port = 0;
        Path repliesFile = null;
        Path programFile = null;
        String task = null;
        Path data = null;
        String split = "test";
        boolean invalidFirst = false;
        PrintStream out = System.out;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--replies" -> repliesFile = Path.of(args[++i]);
                case "--program-file" -> programFile = Path.of(args[++i]);
                case "--task" -> task = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--split" -> split = args[++i];
                case "--invalid-first" -> invalidFirst = true;
                default -> {
                    System.err.println("usage: fake-llm-server [--port N] [--replies FILE] "
                            + "[--task T --data DIR [--split S] [--program-file FILE]] [--invalid-first]");
                    System.exit(2);
                }
            }
        }
        if ((task == null) != (data == null)) {
            System.err.println("fake-llm-server: --task and --data go together");
            System.exit(2);
        }
        Map<String, String> replies = new HashMap<>();
        if (programFile != null && task == null) {
            System.err.println("fake-llm-server: --program-file needs --task and --data (to find each id's question)");
            System.exit(2);
        }
        if (task != null) {
            replies.putAll(
                    programFile != null
                            ? programFileReplies(programFile, task, data, split)
                            : datasetReplies(task, data, split));
        }
        if (repliesFile != null) replies.putAll(readReplies(repliesFile));
        FakeLlmServer fake = new FakeLlmServer(replies, invalidFirst);
        out.println("fake LLM server: " + replies.size() + " canned programs"
                + (invalidFirst ? ", first reply to each question invalid" : ""));
        FakeChatServer server = FakeChatServer.start(port, fake::respond);
        out.println("fake LLM server on " + server.baseUrl() + " (any model name; Ctrl-C to stop)");
        out.println("  try: ./sdvp eval ... --programs llm --llm-base-url " + server.baseUrl() + " --llm-model fake");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("fake LLM server: " + server.requestCount() + " requests served");
            server.close();
        }));
        new CountDownLatch(1).await();
    }
}
