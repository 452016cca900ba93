package org.sdvp.world.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.world.question.FNode;
import org.sdvp.world.question.FProgram;

/**
 * A functional program as CLEVR writes it: a list of {@code {function, inputs, value_inputs}}; the key
 * {@code type} (CLEVR's generator output) is accepted for {@code function}.
 */
public final class ProgramCodec {
    private ProgramCodec() {}

    public static ArrayNode encode(FProgram p) {
        ArrayNode a = WorldFiles.array();
        for (FNode n : p.nodes()) {
            var o = a.addObject();
            o.put("function", n.function());
            ArrayNode in = o.putArray("inputs");
            n.inputs().forEach(in::add);
            ArrayNode vi = o.putArray("value_inputs");
            n.valueInputs().forEach(vi::add);
        }
        return a;
    }

    /** @throws IllegalArgumentException describing the first bad node */
    public static FProgram decode(JsonNode program) {
        if (program == null || !program.isArray()) throw new IllegalArgumentException("'program' is not a list");
        List<FNode> nodes = new ArrayList<>();
        int i = 0;
        for (JsonNode n : program) {
            JsonNode f = n.has("function") ? n.get("function") : n.get("type");
            if (f == null || !f.isTextual()) throw new IllegalArgumentException("program node " + i + " has no function");
            List<Integer> in = new ArrayList<>();
            for (JsonNode x : n.path("inputs")) in.add(x.asInt());
            List<String> values = new ArrayList<>();
            for (JsonNode x : n.path("value_inputs")) values.add(x.asText());
            nodes.add(new FNode(f.asText(), in, values));
            i++;
        }
        return new FProgram(nodes);
    }
}
