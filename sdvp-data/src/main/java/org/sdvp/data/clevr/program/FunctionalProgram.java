package org.sdvp.data.clevr.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CLEVR-schema functional program as typed nodes in topological order, the last one giving the answer.
 * {@link #parse} is the one reader of function names in the project: the world's generator, the
 * {@code clevr} dataset and the emitters all go through it.
 */
public record FunctionalProgram(List<Fn> nodes) {
    public FunctionalProgram {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) throw new IllegalArgumentException("empty program");
    }

    public int root() {
        return nodes.size() - 1;
    }

    public Fn node(int i) {
        return nodes.get(i);
    }

    /**
     * Types the nodes as {@code questions.json} holds them (CLEVR's release, its generator's
     * {@code type}/{@code side_inputs} keys, sdvp-world's extensions).
     *
     * @throws UnsupportedFunctionException for the first node outside the IR or malformed, with the reason
     */
    public static FunctionalProgram parse(List<ProgramNode> program) throws UnsupportedFunctionException {
        if (program.isEmpty()) throw new UnsupportedFunctionException("no program");
        List<Fn> out = new ArrayList<>();
        for (ProgramNode n : program) out.add(node(n, out.size()));
        return new FunctionalProgram(out);
    }

    /** {@link #parse} for programs a generator wrote: a node outside the IR is a bug there. */
    public static FunctionalProgram of(List<ProgramNode> program) {
        try {
            return parse(program);
        } catch (UnsupportedFunctionException e) {
            throw new IllegalArgumentException("not a program of the CLEVR schema: " + e.getMessage());
        }
    }

    private static Fn node(ProgramNode n, int index) throws UnsupportedFunctionException {
        String f = n.function() == null ? "" : n.function();
        switch (f) {
            case "":
                throw new UnsupportedFunctionException("node without a function");
            case "scene":
                // sdvp-world writes scene with a value (left or right) for image pairs
                return new Fn.Scene(
                        n.valueInputs().isEmpty()
                                ? Optional.empty()
                                : Optional.of(n.valueInputs().get(0)));
            case "unique":
                return new Fn.Unique(input(n, 0, index));
            case "relate": {
                String relation = value(n);
                if (!ClevrSchema.isRelation(relation)) throw new UnsupportedFunctionException("relate " + relation);
                return new Fn.Relate(input(n, 0, index), relation);
            }
            case "count":
                return new Fn.Count(input(n, 0, index));
            case "exist":
                return new Fn.Exist(input(n, 0, index));
            case "integer": {
                String v = value(n);
                if (!v.matches("\\d{1,9}")) throw new UnsupportedFunctionException("integer " + v);
                return new Fn.Constant(Integer.parseInt(v));
            }
            case "add":
                return new Fn.Add(input(n, 0, index), input(n, 1, index));
            case "not":
                return new Fn.Not(input(n, 0, index));
            case "tag":
                return new Fn.Tag(input(n, 0, index), attribute(n, value(n)));
            default:
                break;
        }
        for (Fn.Comparison c : Fn.Comparison.values()) {
            if (c.function().equals(f)) return new Fn.CompareIntegers(c, input(n, 0, index), input(n, 1, index));
        }
        for (Fn.Connective c : Fn.Connective.values()) {
            if (c.function().equals(f)) return new Fn.Logic(c, input(n, 0, index), input(n, 1, index));
        }
        int us = f.indexOf('_');
        String op = us < 0 ? f : f.substring(0, us), attribute = us < 0 ? "" : f.substring(us + 1);
        if (!ClevrSchema.ATTRIBUTES.contains(attribute)) throw new UnsupportedFunctionException(f);
        switch (op) {
            case "filter":
                return new Fn.Filter(input(n, 0, index), attribute, value(n));
            case "query":
                return new Fn.Query(input(n, 0, index), attribute);
            case "verify":
                return new Fn.Verify(input(n, 0, index), attribute, value(n));
            case "choose": {
                if (n.valueInputs().size() != 2) throw new UnsupportedFunctionException(f);
                return new Fn.Choose(
                        input(n, 0, index),
                        attribute,
                        n.valueInputs().get(0),
                        n.valueInputs().get(1));
            }
            case "equal":
                return new Fn.EqualAttribute(attribute, input(n, 0, index), input(n, 1, index));
            default:
                throw new UnsupportedFunctionException(f);
        }
    }

    private static String attribute(ProgramNode n, String attribute) throws UnsupportedFunctionException {
        if (!ClevrSchema.ATTRIBUTES.contains(attribute))
            throw new UnsupportedFunctionException(n.function() + " " + attribute);
        return attribute;
    }

    private static int input(ProgramNode n, int i, int index) throws UnsupportedFunctionException {
        if (n.inputs().size() <= i || n.inputs().get(i) < 0 || n.inputs().get(i) >= index) {
            throw new UnsupportedFunctionException(n.function() + " with a bad input");
        }
        return n.inputs().get(i);
    }

    private static String value(ProgramNode n) throws UnsupportedFunctionException {
        if (n.valueInputs().isEmpty()) throw new UnsupportedFunctionException(n.function() + " without a value");
        return n.valueInputs().get(0);
    }
}
