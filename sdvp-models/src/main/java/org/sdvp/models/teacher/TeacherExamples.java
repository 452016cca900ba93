package org.sdvp.models.teacher;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.world.scene.Scene;

/**
 * A teacher's training data, read off scene annotations: every object's crop with its four attribute
 * labels, and every whole image with its objects' boxes and labels.
 */
public record TeacherExamples(List<Crop> crops, List<Frame> frames) {
    /** An object crop (cut as {@code CROP} cuts it) and its attribute class per attribute. */
    public record Crop(BufferedImage image, int[] labels) {}

    /** A whole image with its objects' visible boxes and their labels. */
    public record Frame(BufferedImage image, List<Box> boxes, List<int[]> labels) {}

    public TeacherExamples {
        crops = List.copyOf(crops);
        frames = List.copyOf(frames);
    }

    /** Adds a rendered scene: one frame, and a crop of every object. */
    public static void add(Scene s, BufferedImage image, List<Crop> crops, List<Frame> frames) {
        ImageValue whole = ImageValue.source(s.imageFilename(), image);
        List<Box> boxes = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            int[] l = AttributeSpace.labels(s.object(i));
            crops.add(new Crop(SubTaskSampler.crop(whole, s, i).pixels(), l));
            boxes.add(s.view(i).box());
            labels.add(l);
        }
        frames.add(new Frame(image, boxes, labels));
    }

    public String sha256() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Crop c : crops) {
            pixels(md, c.image());
            md.update(Arrays.toString(c.labels()).getBytes(StandardCharsets.UTF_8));
        }
        for (Frame f : frames) {
            pixels(md, f.image());
            for (int i = 0; i < f.boxes().size(); i++) {
                md.update((f.boxes().get(i) + Arrays.toString(f.labels().get(i))).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }


    private static void pixels(MessageDigest md, BufferedImage img) {
        int[] row = new int[img.getWidth()];
        byte[] b = new byte[row.length * 4];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) {
                b[4 * x] = (byte) (row[x] >>> 24);
                b[4 * x + 1] = (byte) (row[x] >>> 16);
                b[4 * x + 2] = (byte) (row[x] >>> 8);
                b[4 * x + 3] = (byte) row[x];
            }
            md.update(b);
        }
    }
}
