package org.sdvp.world.question;

import java.util.ArrayList;
import java.util.List;
import org.sdvp.data.clevr.program.FunctionalProgram;
import org.sdvp.data.clevr.program.ProgramNode;
import org.sdvp.world.scene.Attribute;

/**
 * A functional program as the generators write it: untyped CLEVR nodes in topological order, the last one
 * giving the answer. Built with the small fluent {@link Builder}, whose methods return the index of the node
 * they add; {@link #typed()} is the program every consumer reads (executor, emitters).
 */
public record FProgram(List<FNode> nodes) {
    public FProgram {
        nodes = List.copyOf(nodes);
        for (int i = 0; i < nodes.size(); i++) {
            for (int in : nodes.get(i).inputs()) {
                if (in < 0 || in >= i)
                    throw new IllegalArgumentException(
                            "node " + i + " reads node " + in + ": inputs must index earlier nodes");
            }
        }
        if (nodes.isEmpty()) throw new IllegalArgumentException("empty program");
    }

    public int root() {
        return nodes.size() - 1;
    }

    public FNode node(int i) {
        return nodes.get(i);
    }

    /**
     * The typed program (sdvp-data's IR of the CLEVR schema).
     *
     * @throws IllegalArgumentException for a node outside the schema (a generator bug)
     */
    public FunctionalProgram typed() {
        return FunctionalProgram.of(nodes.stream()
                .map(n -> new ProgramNode(n.function(), n.inputs(), n.valueInputs()))
                .toList());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Adds nodes; every method returns the new node's index. */
    public static final class Builder {
        private final List<FNode> nodes = new ArrayList<>();

        public int add(String function, List<Integer> inputs, List<String> values) {
            nodes.add(new FNode(function, inputs, values));
            return nodes.size() - 1;
        }

        /** The objects of the image ({@code side} = "left"/"right" for pairs, null for one image). */
        public int scene(String side) {
            return add("scene", List.of(), side == null ? List.of() : List.of(side));
        }

        /** {@code in} narrowed by every attribute {@code d} fixes (size, colour, material, shape order). */
        public int filter(int in, Description d) {
            int cur = in;
            for (Attribute a : Attribute.values()) {
                String v = d.get(a);
                if (v != null) cur = add("filter_" + a.word(), List.of(cur), List.of(v));
            }
            return cur;
        }

        public int op(String function, int... inputs) {
            List<Integer> in = new ArrayList<>();
            for (int i : inputs) in.add(i);
            return add(function, in, List.of());
        }

        public int op(String function, List<String> values, int... inputs) {
            List<Integer> in = new ArrayList<>();
            for (int i : inputs) in.add(i);
            return add(function, in, values);
        }

        public FProgram build() {
            return new FProgram(nodes);
        }
    }
}
