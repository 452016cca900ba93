package org.sdvp.world.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sdvp.core.metric.ExactMatch;
import org.sdvp.core.metric.Metric;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.Value;

/** The world tasks' metrics. Stateless and thread-safe. */
public final class WorldMetrics {
    private WorldMetrics() {}

    public static final double IOU_THRESHOLD = 0.5;

    public static final Metric EXACT_MATCH = new ExactMatch();

    /** nlvr-sim: exact match of True/False under the core normaliser ("True" = "yes"), named as NLVR2 names it. */
    public static final Metric ACCURACY = new Metric() {
        @Override
        public String name() {
            return "accuracy";
        }

        @Override
        public double score(Value prediction, Value gold) {
            return EXACT_MATCH.score(prediction, gold);
        }
    };

    /** ref-sim: 1 when the first predicted box overlaps the gold box with IoU ≥ 0.5. */
    public static final Metric IOU = new Metric() {
        @Override
        public String name() {
            return "iou@0.5";
        }

        @Override
        public double score(Value prediction, Value gold) {
            if (!(prediction instanceof BoxesValue p) || !(gold instanceof BoxesValue g) || p.isEmpty() || g.isEmpty())
                return 0;
            return p.detections().get(0).box().iou(g.detections().get(0).box()) >= IOU_THRESHOLD ? 1 : 0;
        }
    };

    /**
     * tag-sim: F1 of labelled boxes; a prediction is a hit when it has the gold label and IoU ≥ 0.5 with a
     * gold box not matched yet (greedy, best IoU first). Both empty scores 1.
     */
    public static final Metric F1 = new Metric() {
        @Override
        public String name() {
            return "f1@0.5";
        }

        @Override
        public double score(Value prediction, Value gold) {
            if (!(prediction instanceof BoxesValue p) || !(gold instanceof BoxesValue g)) return 0;
            if (p.isEmpty() && g.isEmpty()) return 1;
            int hits = matches(p.detections(), g.detections());
            return 2.0 * hits / (p.size() + g.size());
        }
    };

    static int matches(List<Detection> predicted, List<Detection> gold) {
        record Pair(int p, int g, double iou) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++) {
            for (int j = 0; j < gold.size(); j++) {
                Detection a = predicted.get(i), b = gold.get(j);
                double iou = a.box().iou(b.box());
                if (iou >= IOU_THRESHOLD && label(a).equals(label(b))) pairs.add(new Pair(i, j, iou));
            }
        }
        pairs.sort((x, y) -> Double.compare(y.iou(), x.iou()));
        boolean[] usedP = new boolean[predicted.size()], usedG = new boolean[gold.size()];
        int hits = 0;
        for (Pair pr : pairs) {
            if (usedP[pr.p()] || usedG[pr.g()]) continue;
            usedP[pr.p()] = true;
            usedG[pr.g()] = true;
            hits++;
        }
        return hits;
    }

    private static String label(Detection d) {
        return d.label().strip().toLowerCase(Locale.ROOT);
    }
}
