package org.sdvp.world.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sdvp.world.question.FNode;
import org.sdvp.world.question.FProgram;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.Relation;
import org.sdvp.world.scene.Scene;

/**
 * Runs a functional program on scene annotations: the ground truth. Values are object sets
 * ({@link ObjSet}), single objects ({@link ObjRef}), strings, integers, booleans and tag lists.
 *
 * <p>Stateless and thread-safe.
 */
public final class SymbolicExecutor {

    /** The key of the one image of single-image tasks in the scene map. */
    public static final String IMAGE = "image";

    public record ObjRef(String side, int index) {}

    public record ObjSet(String side, List<Integer> indices) {
        public ObjSet { indices = List.copyOf(indices); }
    }

    /** Runs {@code p} on one image. */
    public Object run(FProgram p, Scene scene) { return run(p, Map.of(IMAGE, scene)); }

    /** Runs {@code p} on named images ({@code left}/{@code right} for pairs, {@link #IMAGE} otherwise). */
    public Object run(FProgram p, Map<String, Scene> scenes) {
        Object[] v = new Object[p.nodes().size()];
        for (int i = 0; i < v.length; i++) v[i] = apply(p.node(i), v, scenes);
        return v[p.root()];
    }

    private Object apply(FNode n, Object[] v, Map<String, Scene> scenes) {
        String f = n.function();
        switch (f) {
            case "scene": {
                String side = n.valueInputs().isEmpty() ? IMAGE : n.value();
                Scene s = scene(scenes, side);
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) all.add(i);
                return new ObjSet(side, all);
            }
            case "unique": {
                ObjSet s = set(v, n.input());
                if (s.indices().size() != 1) {
                    throw new ExecutionException("unique over " + s.indices().size() + " objects");
                }
                return new ObjRef(s.side(), s.indices().get(0));
            }
            case "relate": {
                ObjRef o = ref(v, n.input());
                return new ObjSet(o.side(), scene(scenes, o.side()).related(Relation.ofWord(n.value()), o.index()));
            }
            case "count": return set(v, n.input()).indices().size();
            case "exist": return !set(v, n.input()).indices().isEmpty();
            case "integer": return Integer.parseInt(n.value());
            case "add": return integer(v, n.inputs().get(0)) + integer(v, n.inputs().get(1));
            case "equal_integer": return integer(v, n.inputs().get(0)) == integer(v, n.inputs().get(1));
            case "greater_than": return integer(v, n.inputs().get(0)) > integer(v, n.inputs().get(1));
            case "less_than": return integer(v, n.inputs().get(0)) < integer(v, n.inputs().get(1));
            case "and": return bool(v, n.inputs().get(0)) && bool(v, n.inputs().get(1));
            case "or": return bool(v, n.inputs().get(0)) || bool(v, n.inputs().get(1));
            case "xor": return bool(v, n.inputs().get(0)) ^ bool(v, n.inputs().get(1));
            case "not": return !bool(v, n.input());
            case "tag": return tag(set(v, n.input()), Attribute.ofWord(n.value()), scenes);
            default: break;
        }
        int us = f.indexOf('_');
        if (us > 0) {
            String op = f.substring(0, us);
            Attribute a = Attribute.ofWord(f.substring(us + 1));
            switch (op) {
                case "filter": {
                    ObjSet s = set(v, n.input());
                    Scene sc = scene(scenes, s.side());
                    return new ObjSet(s.side(), s.indices().stream()
                            .filter(i -> sc.object(i).get(a).equals(n.value())).toList());
                }
                case "query": return attr(v, n.input(), a, scenes);
                case "verify": return attr(v, n.input(), a, scenes).equals(n.value());
                case "choose": {
                    String actual = attr(v, n.input(), a, scenes);
                    if (!n.valueInputs().contains(actual)) {
                        throw new ExecutionException("choose: '" + actual + "' is not among " + n.valueInputs());
                    }
                    return actual;
                }
                case "equal": return v[n.inputs().get(0)].equals(v[n.inputs().get(1)]);
                default: break;
            }
        }
        throw new ExecutionException("unknown function '" + f + "'");
    }

    private static List<Tag> tag(ObjSet s, Attribute a, Map<String, Scene> scenes) {
        Scene sc = scene(scenes, s.side());
        List<Tag> out = new ArrayList<>();
        for (int i : s.indices()) out.add(new Tag(sc.view(i).box(), sc.object(i).get(a)));
        return out;
    }

    private static String attr(Object[] v, int in, Attribute a, Map<String, Scene> scenes) {
        ObjRef o = ref(v, in);
        return scene(scenes, o.side()).object(o.index()).get(a);
    }

    private static Scene scene(Map<String, Scene> scenes, String side) {
        Scene s = scenes.get(side);
        if (s == null) throw new ExecutionException("no image '" + side + "'");
        return s;
    }

    private static ObjSet set(Object[] v, int i) { return cast(v[i], ObjSet.class); }

    private static ObjRef ref(Object[] v, int i) { return cast(v[i], ObjRef.class); }

    private static int integer(Object[] v, int i) { return cast(v[i], Integer.class); }

    private static boolean bool(Object[] v, int i) { return cast(v[i], Boolean.class); }

    private static <T> T cast(Object o, Class<T> type) {
        if (!type.isInstance(o)) throw new ExecutionException("expected " + type.getSimpleName() + " but got " + o);
        return type.cast(o);
    }
}
