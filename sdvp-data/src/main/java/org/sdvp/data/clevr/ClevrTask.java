package org.sdvp.data.clevr;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.evaluation.ExampleSource;
import org.sdvp.core.evaluation.Task;
import org.sdvp.core.io.DataException;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.value.TextValue;
import org.sdvp.data.json.ArrayElements;
import org.sdvp.data.json.Cut;
import org.sdvp.data.json.Entries;
import org.sdvp.data.program.Conversion;
import org.sdvp.data.program.ConversionStats;

/**
 * {@code --dataset clevr}: CLEVR questions with their programs converted to VisProg, scored by exact
 * match. Example id = {@code question_index} (or the position in the file); type = the program's last
 * function ({@code count}, {@code query_color}, ...); meta {@code program} = {@code converted} or
 * {@code fallback}. Opening a split checks the file's syntax (a syntax error with content after it is refused
 * with file, line and column before anything runs); an entry that breaks the schema (a field of the wrong type,
 * a missing {@code question} or {@code image_filename}) becomes that question's error ({@link Entries}), and so
 * does the end of a truncated file ({@link Cut}), after every complete question before it.
 */
public final class ClevrTask implements Task {
    @Override
    public String name() {
        return "clevr";
    }

    @Override
    public String description() {
        return "CLEVR questions (real data or the CLEVR schema; programs converted to VisProg)";
    }

    @Override
    public Set<String> initialVariables() {
        return Set.of("IMAGE");
    }

    @Override
    public Metric metric() {
        return new ExactMatch();
    }

    @Override
    public ExampleSource open(Path root, String split) throws DataException {
        ClevrFiles files = new ClevrFiles(root);
        Path questions = files.questionsFile(split);
        Cut.Scan scan = ArrayElements.scan(questions, "questions"); // checks the syntax
        ArrayElements<JsonNode> it = ArrayElements.openUpToCut(questions, "questions", JsonNode.class);
        return new Source(it, questions, files, split, scan);
    }

    /** Streams the questions; counts fallbacks in {@link #stats()}. */
    public static final class Source implements ExampleSource {
        private final ArrayElements<JsonNode> it;
        private final Path file;
        private final ClevrFiles files;
        private final String split;
        private final long size;
        private final ClevrProgramConverter converter = new ClevrProgramConverter();
        private final ConversionStats stats = new ConversionStats();
        private int position;
        /** The file's cut, if it is truncated: its error comes after the last complete question. */
        private Optional<Cut> cut;

        Source(ArrayElements<JsonNode> it, Path file, ClevrFiles files, String split, Cut.Scan scan) {
            this.it = it;
            this.file = file;
            this.files = files;
            this.split = split;
            this.size = scan.examples();
            this.cut = scan.cut();
        }

        public ConversionStats stats() {
            return stats;
        }

        @Override
        public OptionalLong size() {
            return OptionalLong.of(size);
        }

        @Override
        public boolean hasNext() {
            return it.hasNext() || cut.isPresent();
        }

        @Override
        public Example next() {
            if (!hasNext()) throw new NoSuchElementException();
            if (!it.hasNext()) { // every complete question read: the cut
                Example error = cut.orElseThrow().example();
                cut = Optional.empty();
                return error;
            }
            JsonNode node = it.next();
            int index = position++;
            String where = "questions[" + index + "]";
            return Entries.read(file, where, where, () -> toExample(Entries.bind(node, ClevrQuestion.class), index));
        }

        private Example toExample(ClevrQuestion q, int index) throws DataException {
            Entries.required(q.question(), "question");
            Entries.required(q.imageFilename(), "image_filename");
            Map<String, String> meta = new LinkedHashMap<>();
            Optional<String> program = Optional.empty();
            String type = "unknown";
            if (!q.program().isEmpty()) {
                Conversion c = converter.convert(q);
                stats.add(c);
                program = Optional.of(c.program());
                meta.put("program", c.fallback() ? "fallback" : "converted");
                c.fallbackReason().ifPresent(r -> meta.put("fallbackReason", r));
                String last = q.program().get(q.program().size() - 1).function();
                type = last == null ? "unknown" : last;
            }
            if (q.questionFamilyIndex() != null)
                meta.put("family", q.questionFamilyIndex().toString());
            String id = q.questionIndex() != null ? q.questionIndex().toString() : Integer.toString(index);
            String imageSplit = q.split() != null ? q.split() : split;
            return new Example(
                    id,
                    type,
                    q.question() == null ? "" : q.question(),
                    Map.of("IMAGE", files.image(imageSplit, q.imageFilename() == null ? "" : q.imageFilename())),
                    program,
                    Optional.ofNullable(q.answer()).map(TextValue::new),
                    meta);
        }

        @Override
        public void close() {
            it.close();
        }
    }
}
