package org.sdvp.data.clevr.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sdvp.core.value.Box;

/**
 * Runs a functional program on scene annotations: the ground truth. Values are object sets
 * ({@link ObjSet}), single objects ({@link ObjRef}), strings, integers, booleans and tag lists
 * ({@link Tag}). Every node is evaluated, in order.
 *
 * <p>Stateless and thread-safe.
 */
public final class SymbolicExecutor {

    /** The key of the one image of single-image tasks in the scene map. */
    public static final String IMAGE = "image";

    public record ObjRef(String side, int index) {}

    public record ObjSet(String side, List<Integer> indices) {
        public ObjSet {
            indices = List.copyOf(indices);
        }
    }

    /** One labelled box, the answer unit of tag-sim (and, with a null label, of ref-sim). */
    public record Tag(Box box, String label) {}

    /** Runs {@code p} on one image. */
    public Object run(FunctionalProgram p, SymbolicScene scene) {
        return run(p, Map.of(IMAGE, scene));
    }

    /** Runs {@code p} on named images ({@code left}/{@code right} for pairs, {@link #IMAGE} otherwise). */
    public Object run(FunctionalProgram p, Map<String, ? extends SymbolicScene> scenes) {
        Object[] v = new Object[p.nodes().size()];
        Evaluation e = new Evaluation(v, scenes);
        for (int i = 0; i < v.length; i++) v[i] = p.node(i).accept(e);
        return v[p.root()];
    }

    /** One node's value from the values of the nodes before it. */
    private record Evaluation(Object[] v, Map<String, ? extends SymbolicScene> scenes) implements Fn.Visitor<Object> {
        @Override
        public Object visitScene(Fn.Scene n) {
            String side = n.side().orElse(IMAGE);
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < scene(side).size(); i++) all.add(i);
            return new ObjSet(side, all);
        }

        @Override
        public Object visitFilter(Fn.Filter n) {
            ObjSet s = set(n.input());
            SymbolicScene sc = scene(s.side());
            return new ObjSet(
                    s.side(),
                    s.indices().stream()
                            .filter(i -> sc.attribute(i, n.attribute()).equals(n.value()))
                            .toList());
        }

        @Override
        public Object visitUnique(Fn.Unique n) {
            ObjSet s = set(n.input());
            if (s.indices().size() != 1)
                throw new ExecutionException("unique over " + s.indices().size() + " objects");
            return new ObjRef(s.side(), s.indices().get(0));
        }

        @Override
        public Object visitRelate(Fn.Relate n) {
            ObjRef o = ref(n.input());
            return new ObjSet(o.side(), scene(o.side()).related(n.relation(), o.index()));
        }

        @Override
        public Object visitCount(Fn.Count n) {
            return set(n.input()).indices().size();
        }

        @Override
        public Object visitExist(Fn.Exist n) {
            return !set(n.input()).indices().isEmpty();
        }

        @Override
        public Object visitQuery(Fn.Query n) {
            return attribute(n.input(), n.attribute());
        }

        @Override
        public Object visitVerify(Fn.Verify n) {
            return attribute(n.input(), n.attribute()).equals(n.value());
        }

        @Override
        public Object visitChoose(Fn.Choose n) {
            String actual = attribute(n.input(), n.attribute());
            if (!actual.equals(n.first()) && !actual.equals(n.second())) {
                throw new ExecutionException(
                        "choose: '" + actual + "' is not among [" + n.first() + ", " + n.second() + "]");
            }
            return actual;
        }

        @Override
        public Object visitEqualAttribute(Fn.EqualAttribute n) {
            return v[n.left()].equals(v[n.right()]);
        }

        @Override
        public Object visitCompareIntegers(Fn.CompareIntegers n) {
            return n.comparison().holds(integer(n.left()), integer(n.right()));
        }

        @Override
        public Object visitLogic(Fn.Logic n) {
            return n.connective().apply(bool(n.left()), bool(n.right()));
        }

        @Override
        public Object visitNot(Fn.Not n) {
            return !bool(n.input());
        }

        @Override
        public Object visitConstant(Fn.Constant n) {
            return n.value();
        }

        @Override
        public Object visitAdd(Fn.Add n) {
            return integer(n.left()) + integer(n.right());
        }

        @Override
        public Object visitTag(Fn.Tag n) {
            ObjSet s = set(n.input());
            SymbolicScene sc = scene(s.side());
            List<Tag> out = new ArrayList<>();
            for (int i : s.indices()) out.add(new Tag(sc.box(i), sc.attribute(i, n.attribute())));
            return out;
        }

        private String attribute(int in, String attribute) {
            ObjRef o = ref(in);
            return scene(o.side()).attribute(o.index(), attribute);
        }

        private SymbolicScene scene(String side) {
            SymbolicScene s = scenes.get(side);
            if (s == null) throw new ExecutionException("no image '" + side + "'");
            return s;
        }

        private ObjSet set(int i) {
            return cast(v[i], ObjSet.class);
        }

        private ObjRef ref(int i) {
            return cast(v[i], ObjRef.class);
        }

        private int integer(int i) {
            return cast(v[i], Integer.class);
        }

        private boolean bool(int i) {
            return cast(v[i], Boolean.class);
        }

        private static <T> T cast(Object o, Class<T> type) {
            if (!type.isInstance(o)) throw new ExecutionException("expected " + type.getSimpleName() + " but got " + o);
            return type.cast(o);
        }
    }
}
