package org.sdvp.world.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.data.clevr.program.ProgramNode;
import org.sdvp.world.question.FNode;
import org.sdvp.world.question.FProgram;

/**
 * A functional program as CLEVR writes it: a list of {@code {function, inputs, value_inputs}}; the key
 * {@code type} (CLEVR's generator output) is accepted for {@code function}. Decoding binds sdvp-data's
 * {@link ProgramNode}, the one reader of the schema.
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

    /**
     * The world's program from the nodes sdvp-data's shared reader bound (which accepts CLEVR's {@code type}
     * key for {@code function}).
     *
     * @throws IllegalArgumentException describing the first bad node
     */
    public static FProgram decode(List<ProgramNode> program) {
        if (program == null || program.isEmpty()) throw new IllegalArgumentException("'program' is missing or empty");
        List<FNode> nodes = new ArrayList<>();
        for (int i = 0; i < program.size(); i++) {
            ProgramNode n = program.get(i);
            if (n.function() == null) throw new IllegalArgumentException("program node " + i + " has no function");
            nodes.add(new FNode(n.function(), n.inputs(), n.valueInputs()));
        }
        return new FProgram(nodes);
    }
}
