package org.sdvp.models.teacher;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.models.train.DataDigest;
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
        DataDigest md = new DataDigest();
        for (Crop c : crops) {
            md.image(c.image());
            md.text(Arrays.toString(c.labels()));
        }
        for (Frame f : frames) {
            md.image(f.image());
            for (int i = 0; i < f.boxes().size(); i++) {
                md.text(f.boxes().get(i) + Arrays.toString(f.labels().get(i)));
            }
        }
        return md.hex();
    }
}
