package org.sdvp.models.vlm;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sdvp.core.value.Box;
import org.sdvp.models.checkpoint.Calibration;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.SubTaskSet;

/**
 * Chooses the student's grounding threshold on validation LOC examples: the one with the best F1 at IoU 0.5
 * among {@link #CANDIDATES} (ties go to the higher threshold, the more precise). The grounding maps are
 * computed once; only decoding is repeated per candidate.
 */
public final class LocCalibration {
    /** 0.10, 0.15, ..., 0.70. */
    public static final List<Double> CANDIDATES = candidates();

    private static final int BATCH = 64;

    private LocCalibration() {}

    /** Recall, precision and F1 at IoU 0.5 for one threshold. */
    public record Point(double threshold, double recall, double precision, double f1) {}

    /** The curve over {@link #CANDIDATES} on {@code val}'s LOC examples, in candidate order. */
    public static List<Point> curve(VlmModel vlm, SubTaskSet val) {
        if (val.loc().isEmpty()) throw new IllegalArgumentException("no LOC examples to calibrate on");
        return points(vlm, val.loc(), CANDIDATES);
    }

    /**
     * Recall, precision and F1 at IoU 0.5 on {@code loc} for each threshold (1.0 where nothing is to be
     * found or nothing was predicted); the grounding maps are computed once for all thresholds.
     */
    static List<Point> points(VlmModel vlm, List<LocExample> loc, List<Double> thresholds) {
        long[][] counts = new long[thresholds.size()][3]; // true positives, predictions, gold boxes
        for (int s = 0; s < loc.size(); s += BATCH) {
            List<LocExample> b = loc.subList(s, Math.min(loc.size(), s + BATCH));
            float[][] maps = vlm.locMaps(
                    b.stream().map(LocExample::image).toList(),
                    b.stream().map(LocExample::phrase).toList());
            for (int i = 0; i < b.size(); i++) {
                BufferedImage img = b.get(i).image();
                for (int t = 0; t < thresholds.size(); t++) {
                    List<Box> pred = new ArrayList<>();
                    for (GridBoxes.Scored x : vlm.grid()
                            .decode(
                                    maps[i],
                                    img.getWidth(),
                                    img.getHeight(),
                                    thresholds.get(t),
                                    VlmServices.NMS_IOU,
                                    VlmServices.MAX_BOXES)) {
                        pred.add(x.box());
                    }
                    long[] c = VlmEvaluation.matchBoxes(pred, b.get(i).boxes(), 0.5);
                    for (int k = 0; k < 3; k++) counts[t][k] += c[k];
                }
            }
        }
        List<Point> out = new ArrayList<>();
        for (int t = 0; t < thresholds.size(); t++) {
            long[] c = counts[t];
            double recall = c[2] == 0 ? 1 : c[0] / (double) c[2];
            double precision = c[1] == 0 ? 1 : c[0] / (double) c[1];
            double f1 = recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
            out.add(new Point(thresholds.get(t), recall, precision, f1));
        }
        return out;
    }

    /** The best point of {@code curve} by F1, ties to the higher threshold. */
    public static Point best(List<Point> curve) {
        Point best = curve.get(0);
        for (Point p : curve) if (p.f1() >= best.f1()) best = p;
        return best;
    }

    /** Chooses the threshold on {@code val}, described by {@code chosenOn}; held-out metrics are added later. */
    public static Calibration choose(VlmModel vlm, SubTaskSet val, String chosenOn) {
        return choose(curve(vlm, val), chosenOn);
    }

    /** The calibration a measured {@link #curve} gives: its best point, and F1 at every threshold. */
    public static Calibration choose(List<Point> curve, String chosenOn) {
        Map<String, Double> f1 = new LinkedHashMap<>();
        for (Point p : curve) f1.put(String.format(Locale.ROOT, "%.2f", p.threshold()), p.f1());
        return new Calibration(best(curve).threshold(), chosenOn + "; the best F1 at IoU 0.5", f1, Map.of());
    }

    private static List<Double> candidates() {
        List<Double> out = new ArrayList<>();
        for (int k = 2; k <= 14; k++) out.add(k * 5 / 100.0);
        return List.copyOf(out);
    }
}
