package org.sdvp.data.clevr.program;

import java.util.Optional;

/**
 * One typed node of a CLEVR-schema functional program: CLEVR's functions and the extensions sdvp-world
 * writes in the same schema ({@code verify_*}, {@code choose_*}, {@code and}/{@code or}/{@code xor}/{@code not},
 * {@code integer}, {@code add}, {@code tag}, {@code scene} with a side). Inputs are indices of earlier nodes.
 * Built only by {@link FunctionalProgram#parse}, the one place that reads function names; everything else
 * (the {@link SymbolicExecutor}, the {@link VisProgEmitter}, the {@link ViperEmitter}) works on these types.
 */
public sealed interface Fn {

    /** CLEVR's spelling of the function ({@code filter_color}, {@code relate}, ...), for messages and types. */
    String function();

    <R> R accept(Visitor<R> visitor);

    /** One method per node type (jlox style): adding a node type breaks every visitor until it handles it. */
    interface Visitor<R> {
        R visitScene(Scene n);

        R visitFilter(Filter n);

        R visitUnique(Unique n);

        R visitRelate(Relate n);

        R visitCount(Count n);

        R visitExist(Exist n);

        R visitQuery(Query n);

        R visitVerify(Verify n);

        R visitChoose(Choose n);

        R visitEqualAttribute(EqualAttribute n);

        R visitCompareIntegers(CompareIntegers n);

        R visitLogic(Logic n);

        R visitNot(Not n);

        R visitConstant(Constant n);

        R visitAdd(Add n);

        R visitTag(Tag n);
    }

    /** All objects of the image, or of one side of a pair ({@code left}/{@code right}). */
    record Scene(Optional<String> side) implements Fn {
        public String function() {
            return "scene";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitScene(this);
        }
    }

    /** The input set's objects whose {@code attribute} is {@code value}. */
    record Filter(int input, String attribute, String value) implements Fn {
        public String function() {
            return "filter_" + attribute;
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitFilter(this);
        }
    }

    /** The one object of the input set (an error when it holds another number). */
    record Unique(int input) implements Fn {
        public String function() {
            return "unique";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitUnique(this);
        }
    }

    /** The objects in {@code relation} ({@code left}, {@code behind}, ...) to the input object. */
    record Relate(int input, String relation) implements Fn {
        public String function() {
            return "relate";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitRelate(this);
        }
    }

    record Count(int input) implements Fn {
        public String function() {
            return "count";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitCount(this);
        }
    }

    record Exist(int input) implements Fn {
        public String function() {
            return "exist";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitExist(this);
        }
    }

    /** The input object's {@code attribute}. */
    record Query(int input, String attribute) implements Fn {
        public String function() {
            return "query_" + attribute;
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitQuery(this);
        }
    }

    /** Whether the input object's {@code attribute} is {@code value}. */
    record Verify(int input, String attribute, String value) implements Fn {
        public String function() {
            return "verify_" + attribute;
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitVerify(this);
        }
    }

    /** Which of two values the input object's {@code attribute} is. */
    record Choose(int input, String attribute, String first, String second) implements Fn {
        public String function() {
            return "choose_" + attribute;
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitChoose(this);
        }
    }

    /** Whether two attribute values ({@code query_*} results) are the same. */
    record EqualAttribute(String attribute, int left, int right) implements Fn {
        public String function() {
            return "equal_" + attribute;
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitEqualAttribute(this);
        }
    }

    /** {@code equal_integer}, {@code less_than}, {@code greater_than}. */
    record CompareIntegers(Comparison comparison, int left, int right) implements Fn {
        public String function() {
            return comparison.function();
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitCompareIntegers(this);
        }
    }

    /** {@code and}, {@code or}, {@code xor} of two booleans. */
    record Logic(Connective connective, int left, int right) implements Fn {
        public String function() {
            return connective.function();
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitLogic(this);
        }
    }

    record Not(int input) implements Fn {
        public String function() {
            return "not";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitNot(this);
        }
    }

    /** {@code integer}: a literal number. */
    record Constant(int value) implements Fn {
        public String function() {
            return "integer";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitConstant(this);
        }
    }

    record Add(int left, int right) implements Fn {
        public String function() {
            return "add";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitAdd(this);
        }
    }

    /** Every object of the input set with its {@code attribute}: labelled boxes (tag-sim's answer). */
    record Tag(int input, String attribute) implements Fn {
        public String function() {
            return "tag";
        }

        public <R> R accept(Visitor<R> v) {
            return v.visitTag(this);
        }
    }

    enum Comparison {
        EQUAL("equal_integer", "=="),
        LESS("less_than", "<"),
        GREATER("greater_than", ">");

        private final String function;
        private final String symbol;

        Comparison(String function, String symbol) {
            this.function = function;
            this.symbol = symbol;
        }

        public String function() {
            return function;
        }

        /** The operator in EVAL and Python. */
        public String symbol() {
            return symbol;
        }

        boolean holds(int a, int b) {
            return switch (this) {
                case EQUAL -> a == b;
                case LESS -> a < b;
                case GREATER -> a > b;
            };
        }
    }

    enum Connective {
        AND("and"),
        OR("or"),
        XOR("xor");

        private final String function;

        Connective(String function) {
            this.function = function;
        }

        /** CLEVR's name, which is also EVAL's operator. */
        public String function() {
            return function;
        }

        boolean apply(boolean a, boolean b) {
            return switch (this) {
                case AND -> a && b;
                case OR -> a || b;
                case XOR -> a ^ b;
            };
        }
    }

    /** Whether the node's value is a boolean (the answer of a yes/no question). */
    static boolean isBoolean(Fn n) {
        return n instanceof Exist
                || n instanceof Logic
                || n instanceof Not
                || n instanceof EqualAttribute
                || n instanceof CompareIntegers
                || n instanceof Verify;
    }
}
