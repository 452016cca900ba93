package org.sdvp.models;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sdvp.core.value.Box;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;

/**
 * Flat coloured squares and discs drawn with Java2D: just enough of a world to test shapes, learning and
 * determinism before (and independently of) the real scene generator.
 */
public final class ToyWorld {
    public static final Map<String, Color> COLORS =
            Map.of("red", new Color(200, 40, 40), "green", new Color(40, 180, 60), "blue", new Color(40, 70, 210));
    public static final List<String> COLOR_NAMES = List.of("blue", "green", "red");
    public static final List<String> SHAPES = List.of("square", "disc");

    private ToyWorld() {}

    public static BufferedImage crop(String color, String shape, int size, SplittableRandom r) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        int grey = 110 + r.nextInt(40);
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(0, 0, size, size);
        g.setColor(COLORS.get(color));
        int m = size / 6 + r.nextInt(size / 8 + 1);
        if (shape.equals("square")) g.fillRect(m, m, size - 2 * m, size - 2 * m);
        else g.fillOval(m, m, size - 2 * m, size - 2 * m);
        g.dispose();
        return img;
    }

    public static SubTaskSet data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<VqaExample> vqa = new ArrayList<>();
        List<MatchExample> match = new ArrayList<>();
        List<LocExample> loc = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = COLOR_NAMES.get(r.nextInt(3));
            String s = SHAPES.get(r.nextInt(2));
            BufferedImage img = crop(c, s, 40, r);
            if (r.nextBoolean()) vqa.add(new VqaExample(img, "What color is it?", c, "toy", "query_color"));
            else vqa.add(new VqaExample(img, "What shape is it?", s, "toy", "query_shape"));
            String asked = r.nextBoolean() ? c : COLOR_NAMES.get(r.nextInt(3));
            match.add(new MatchExample(img, asked, asked.equals(c), "toy"));
            loc.add(scene(r));
        }
        return new SubTaskSet(vqa, match, loc);
    }

    /** 96×72, two or three shapes on a grey floor; the phrase is one present colour. */
    public static LocExample scene(SplittableRandom r) {
        BufferedImage img = new BufferedImage(96, 72, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 96, 72);
        List<Box> boxes = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        int k = 2 + r.nextInt(2);
        for (int i = 0; i < k; i++) {
            String c = COLOR_NAMES.get(r.nextInt(3));
            int x = 4 + i * 31, y = 8 + r.nextInt(36), s = 16 + r.nextInt(8);
            g.setColor(COLORS.get(c));
            g.fillRect(x, y, s, s);
            boxes.add(new Box(x, y, x + s, y + s));
            colors.add(c);
        }
        g.dispose();
        String phrase = colors.get(r.nextInt(colors.size()));
        List<Box> hits = new ArrayList<>();
        for (int i = 0; i < k; i++) if (colors.get(i).equals(phrase)) hits.add(boxes.get(i));
        return new LocExample(img, phrase + " square", hits, "toy");
    }
}
