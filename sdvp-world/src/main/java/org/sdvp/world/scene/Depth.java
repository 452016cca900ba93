package org.sdvp.world.scene;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Painter's order: far (small base y) to near; ties by index, so the order is total and deterministic. */
public final class Depth {
    private Depth() {}

    public static int[] order(List<SceneObject> objects) {
        return IntStream.range(0, objects.size())
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> objects.get(i).y())
                        .thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
