package org.sdvp.world.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.data.clevr.ClevrFiles;
import org.sdvp.data.clevr.ClevrQuestion;
import org.sdvp.data.clevr.program.ViperEmitter;
import org.sdvp.data.json.ArrayElements;
import org.sdvp.data.json.JsonLines;
import org.sdvp.data.json.UncheckedDataException;
import org.sdvp.data.nlvr2.Nlvr2Row;
import org.sdvp.world.io.ProgramCodec;

/**
 * Native ViperGPT programs for a generated world split, as a program file for
 * {@code sdvp eval|collect --framework viper --programs FILE} (JSON lines {@code {"id", "program"}}, the
 * format of sdvp-llm's {@code ProgramFileSource}). Question ids are the ones {@code WorldTask} gives the
 * examples: {@code SPLIT-INDEX} for one-image tasks, the NLVR2 identifier for pairs.
 *
 * <pre>java -cp ... org.sdvp.world.task.WorldViperPrograms TASK DATA_DIR SPLIT OUT.jsonl</pre>
 * Exit status 0 on success, 1 on bad data, 2 on bad arguments.
 */
public final class WorldViperPrograms {
    private WorldViperPrograms() {}

    /** id → native ViperGPT program, in file order. */
    public static Map<String, String> programs(WorldTaskSpec spec, Path dataDir, String split) throws DataException {
        Path dir = dataDir.resolve(split);
        Path file = dir.resolve(spec.questionsFile());
        if (!Files.isRegularFile(file)) throw new DataException("no " + spec.questionsFile() + " in " + dir);
        Map<String, String> out = new LinkedHashMap<>();
        if (spec.pairs()) {
            for (Nlvr2Row r : JsonLines.read(file, Nlvr2Row.class)) {
                out.put(
                        r.identifier(),
                        ViperEmitter.emit(ProgramCodec.decode(r.program()).typed(), spec.flavor(), r.sentence()));
            }
            return out;
        }
        List<ClevrQuestion> questions = new ArrayList<>();
        try (ArrayElements<ClevrQuestion> it = ClevrFiles.questions(file)) {
            while (it.hasNext()) questions.add(it.next());
        } catch (UncheckedDataException e) {
            throw e.getCause();
        }
        for (int i = 0; i < questions.size(); i++) {
            ClevrQuestion q = questions.get(i);
            String id = q.questionIndex() != null
                    ? (q.split() == null ? "" : q.split()) + "-" + q.questionIndex()
                    : "q" + i;
            out.put(id, ViperEmitter.emit(ProgramCodec.decode(q.program()).typed(), spec.flavor(), q.question()));
        }
        return out;
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println(
                    "usage: WorldViperPrograms TASK DATA_DIR SPLIT OUT.jsonl   (tasks: " + WorldTaskSpec.names() + ")");
            System.exit(2);
        }
        try {
            WorldTaskSpec spec = WorldTaskSpec.find(args[0]);
            Map<String, String> programs = programs(spec, Path.of(args[1]), args[2]);
            StringBuilder text = new StringBuilder();
            for (var e : programs.entrySet()) {
                text.append(Json.mapper().writeValueAsString(Map.of("id", e.getKey(), "program", e.getValue())))
                        .append('\n');
            }
            AtomicFiles.writeString(Path.of(args[3]), text.toString());
            System.out.println(programs.size() + " ViperGPT programs -> " + args[3]);
        } catch (DataException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        } catch (java.io.IOException e) {
            System.err.println("error: cannot write " + args[3] + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
