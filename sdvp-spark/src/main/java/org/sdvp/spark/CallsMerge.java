package org.sdvp.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;

/**
 * Merges call files that are each sorted by question id into one file sorted the same way, streaming: the
 * local {@code collect} sorts its calls by question id, and each chunk of a partition is one such sorted run,
 * so a k-way merge gives the local file's exact lines while holding one line per run. The lines are copied
 * unchanged; only the question id is parsed from each.
 */
final class CallsMerge {
    private static final JsonFactory JSON = new JsonFactory();

    private CallsMerge() {}

    /** @return the number of lines written */
    static long merge(List<Path> runs, Path out) throws IOException, DataException {
        long[] written = {0};
        List<Run> open = new ArrayList<>();
        try {
            PriorityQueue<Run> queue = new PriorityQueue<>((a, b) -> {
                int c = a.id.compareTo(b.id);
                return c != 0 ? c : Integer.compare(a.order, b.order);
            });
            for (Path p : runs) {
                Run r = new Run(p, open.size());
                open.add(r);
                if (r.advance()) queue.add(r);
            }
            AtomicFiles.write(out, sink -> {
                while (!queue.isEmpty()) {
                    Run r = queue.poll();
                    String id = r.id;
                    // a question's calls are consecutive lines of one run: copy them together
                    do {
                        write(sink, r.line);
                        written[0]++;
                    } while (advance(r) && r.id.equals(id));
                    if (r.line != null) queue.add(r);
                }
            });
        } finally {
            for (Run r : open) r.reader.close();
        }
        return written[0];
    }

    private static boolean advance(Run r) throws IOException {
        try {
            return r.advance();
        } catch (DataException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** One sorted file, positioned at its current line. */
    private static final class Run {
        final Path file;
        final int order;
        final BufferedReader reader;
        String line, id;
        long lineNo;

        Run(Path file, int order) throws IOException {
            this.file = file;
            this.order = order;
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }

        boolean advance() throws IOException, DataException {
            String prev = id;
            line = reader.readLine();
            lineNo++;
            if (line == null) {
                id = null;
                return false;
            }
            id = questionId(line);
            if (prev != null && id.compareTo(prev) < 0) {
                throw new DataException(file + ":" + lineNo + ": calls are not sorted by question id");
            }
            return true;
        }

        private String questionId(String json) throws IOException, DataException {
            try (JsonParser p = JSON.createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT)
                    throw new DataException(file + ":" + lineNo + ": not a JSON object");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("questionId")) return p.getText();
                    p.skipChildren();
                }
            }
            throw new DataException(file + ":" + lineNo + ": a call without questionId");
        }
    }
}
