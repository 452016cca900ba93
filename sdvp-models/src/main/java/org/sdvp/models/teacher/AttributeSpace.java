package org.sdvp.models.teacher;

import java.util.List;
import org.sdvp.world.scene.Attribute;
import org.sdvp.world.scene.SceneObject;

/**
 * The teacher's output layout: one softmax block per attribute, in {@link Attribute} order (size 2,
 * colour 8, material 2, shape 4 = 16 logits).
 */
public final class AttributeSpace {
    public static final int WIDTH;
    private static final int[] OFFSET = new int[Attribute.values().length];

    static {
        int o = 0;
        for (Attribute a : Attribute.values()) {
            OFFSET[a.ordinal()] = o;
            o += a.vocabulary().size();
        }
        WIDTH = o;
    }

    private AttributeSpace() {}

    public static int offset(Attribute a) {
        return OFFSET[a.ordinal()];
    }

    public static int size(Attribute a) {
        return a.vocabulary().size();
    }

    /** Class index within each attribute's block, for an object's true attributes. */
    public static int[] labels(SceneObject o) {
        Attribute[] all = Attribute.values();
        int[] out = new int[all.length];
        for (int i = 0; i < all.length; i++) out[i] = all[i].vocabulary().indexOf(o.get(all[i]));
        return out;
    }

    /** Turns 16 logits into 16 probabilities, softmax per attribute block. */
    public static float[] probabilities(float[] logits, int from) {
        float[] out = new float[WIDTH];
        for (Attribute a : Attribute.values()) {
            int o = offset(a), n = size(a);
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) max = Math.max(max, logits[from + o + k]);
            double sum = 0;
            for (int k = 0; k < n; k++) sum += Math.exp(logits[from + o + k] - max);
            for (int k = 0; k < n; k++) out[o + k] = (float) (Math.exp(logits[from + o + k] - max) / sum);
        }
        return out;
    }

    /** P(attribute = value) from a probability vector. */
    public static double p(float[] probs, Attribute a, String value) {
        int k = a.vocabulary().indexOf(value);
        return k < 0 ? 0 : probs[offset(a) + k];
    }

    public static List<String> values(Attribute a) {
        return a.vocabulary();
    }
}
