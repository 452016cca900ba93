package org.sdvp.models.nn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Suppression;

/**
 * The dense box code of every grounding head: a {@code gridH × gridW} map over the image whose cell holding
 * an object's centre is responsible for it. Per cell, channel 0 is the objectness logit, channels 1–2 the
 * centre's offset inside the cell and channels 3–4 the square roots of the box's width and height as
 * fractions of the image (square roots give small boxes a fair share of the regression), all four through a
 * sigmoid. Boxes are in the coordinates of the image as given, whatever size the network saw it at.
 */
public record GridBoxes(int gridW, int gridH) {
    public static final int CHANNELS = 5;

    /**
     * Training targets for one image: objectness {@code [gridH*gridW]}, box {@code [4*gridH*gridW]}, and per
     * cell the index (in the list given to {@link #encode}) of the box it is responsible for, or -1.
     */
    public record Targets(float[] objectness, float[] box, int[] owner) {}

    public Targets encode(List<Box> boxes, double imageW, double imageH) {
        int cells = gridW * gridH;
        float[] obj = new float[cells];
        float[] box = new float[4 * cells];
        int[] owner = new int[cells];
        java.util.Arrays.fill(owner, -1);
        // larger boxes first, so a small object sharing a cell with a large one keeps the cell (it has no other)
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) order.add(i);
        order.sort(
                Comparator.comparingDouble((Integer i) -> boxes.get(i).area()).reversed());
        for (int index : order) {
            Box b = boxes.get(index);
            double fx = b.centerX() / imageW * gridW, fy = b.centerY() / imageH * gridH;
            int gx = clamp((int) Math.floor(fx), gridW), gy = clamp((int) Math.floor(fy), gridH);
            int c = gy * gridW + gx;
            obj[c] = 1f;
            owner[c] = index;
            box[c] = (float) clamp01(fx - gx);
            box[cells + c] = (float) clamp01(fy - gy);
            box[2 * cells + c] = (float) Math.sqrt(clamp01(b.width() / imageW));
            box[3 * cells + c] = (float) Math.sqrt(clamp01(b.height() / imageH));
        }
        return new Targets(obj, box, owner);
    }

    /** One scored box before suppression. */
    /** @param cell the grid cell that predicted it (row-major), for reading other per-cell outputs */
    public record Scored(Box box, double score, int cell) {}

    /**
     * Decodes one image's head output (already through the sigmoid): {@code map} is {@code [5*gridH*gridW]}
     * channel-major. Returns the boxes scoring at least {@code threshold}, best first, after greedy NMS.
     */
    public List<Scored> decode(
            float[] map, double imageW, double imageH, double threshold, double nmsIou, int maxBoxes) {
        int cells = gridW * gridH;
        List<Scored> found = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            float score = map[c];
            if (score < threshold) continue;
            int gx = c % gridW, gy = c / gridW;
            double cx = (gx + map[cells + c]) / gridW * imageW;
            double cy = (gy + map[2 * cells + c]) / gridH * imageH;
            double w = sq(map[3 * cells + c]) * imageW, h = sq(map[4 * cells + c]) * imageH;
            Box b = new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2).clampTo(imageW, imageH);
            if (!b.isEmpty()) found.add(new Scored(b, score, c));
        }
        return nms(found, nmsIou, maxBoxes);
    }

    /** Greedy non-maximum suppression ({@link Suppression#greedy}); ties keep the earlier box. */
    public static List<Scored> nms(List<Scored> boxes, double iou, int maxBoxes) {
        return Suppression.greedy(boxes, Scored::box, Scored::score, iou, maxBoxes);
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double sq(double v) {
        return v * v;
    }
}
