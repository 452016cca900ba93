package org.sdvp.world.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.world.io.ProgramCodec;
import org.sdvp.world.io.SceneCodec;
import org.sdvp.world.io.WorldFiles;
import org.sdvp.world.scene.Scene;

/**
 * Writes a split's {@code scenes.json} and its questions: {@code questions.json} in CLEVR's schema, or for
 * image pairs {@code questions.jsonl} with NLVR2's fields ({@code identifier}, {@code sentence},
 * {@code label}) plus the two image paths. Every file carries the provenance as {@code info} (JSON lines:
 * in every row).
 */
final class SplitWriter {
    private final DatasetGenerator.Request request;

    SplitWriter(DatasetGenerator.Request request) {
        this.request = request;
    }

    void write(List<GeneratedExample> examples) throws IOException {
        ObjectNode info = WorldFiles.info(request.provenance());
        ObjectNode scenesFile = WorldFiles.object();
        scenesFile.set("info", info);
        ArrayNode scenes = scenesFile.putArray("scenes");
        int imageIndex = 0;
        for (GeneratedExample ex : examples) {
            for (Scene s : ex.scenes()) scenes.add(SceneCodec.encode(s, request.split(), imageIndex++));
        }
        WorldFiles.write(request.dir().resolve("scenes.json"), scenesFile);
        if (request.task().pairs()) writePairs(examples, info);
        else writeQuestions(examples, info);
    }

    private void writeQuestions(List<GeneratedExample> examples, ObjectNode info) throws IOException {
        ObjectNode file = WorldFiles.object();
        file.set("info", info);
        ArrayNode qs = file.putArray("questions");
        for (GeneratedExample ex : examples) {
            Scene s = ex.scenes().get(0);
            ObjectNode q = qs.addObject();
            q.put("split", request.split());
            q.put("question_index", ex.index());
            q.put("image_index", ex.index());
            q.put("image_filename", s.imageFilename());
            q.put("question", ex.question().text());
            q.put("type", ex.question().type());
            Answers.write(q, request.task().answers(), ex.answer(), s);
            q.set("program", ProgramCodec.encode(ex.question().program()));
        }
        WorldFiles.write(request.dir().resolve("questions.json"), file);
    }

    private void writePairs(List<GeneratedExample> examples, ObjectNode info) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (GeneratedExample ex : examples) {
            ObjectNode q = WorldFiles.object();
            // NLVR2: split-setId-pairId-sentenceId; here the set is the sentence group, one pair per row
            q.put(
                    "identifier",
                    request.split() + "-" + ex.sentence() + "-"
                            + (ex.index() - ex.sentence() * DatasetGenerator.PAIRS_PER_SENTENCE) + "-0");
            q.put("sentence", ex.question().text());
            Answers.write(q, request.task().answers(), ex.answer(), ex.scenes().get(0));
            q.put("left_image", "images/" + ex.scenes().get(0).imageFilename());
            q.put("right_image", "images/" + ex.scenes().get(1).imageFilename());
            q.put("type", ex.question().type());
            q.set("program", ProgramCodec.encode(ex.question().program()));
            q.set("info", info);
            rows.add(q);
        }
        WorldFiles.writeLines(request.dir().resolve("questions.jsonl"), rows);
    }
}
