package org.sdvp.distill.label;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.distill.trace.SubTaskCall;
import org.sdvp.models.data.SubTaskSampler;
import org.sdvp.models.data.WorldLexicon;
import org.sdvp.models.teacher.TeacherBuilder;
import org.sdvp.models.teacher.TeacherConfig;
import org.sdvp.models.teacher.TeacherModel;
import org.sdvp.models.teacher.TeacherTrainConfig;
import org.sdvp.models.teacher.TeacherTrainer;
import org.sdvp.models.text.Vocabulary;
import org.sdvp.models.vlm.Pretrainer;
import org.sdvp.models.vlm.VlmConfig;
import org.sdvp.models.vlm.VlmModel;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Styles;
import org.sdvp.world.task.WorldTaskSpec;

/** Tiny models, rendered scenes on disk and calls on them, for the label and replay tests. */
public final class LabelFixtures {
    private LabelFixtures() {}

    /** A rendered scene written as a PNG. */
    public record SceneFile(Scene scene, Path path, BufferedImage image) {
        public ImageValue source() {
            return ImageValue.source(path.getFileName().toString(), image);
        }

        /** The crop {@code CROP} cuts around object {@code i}. */
        public ImageValue crop(int i) {
            return SubTaskSampler.crop(source(), scene, i);
        }
    }

    public static List<SceneFile> scenes(Path dir, int n, String style, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        SceneGenerator g = new SceneGenerator(SceneGenerator.Config.defaults());
        Renderer renderer = new Renderer();
        List<SceneFile> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "scene_" + i + ".png";
            Scene s = g.next(rng, style, name);
            BufferedImage img = renderer.render(s, Styles.get(style));
            Path p = dir.resolve(name);
            ImageIO.write(img, "png", p.toFile());
            out.add(new SceneFile(s, p, img));
        }
        return out;
    }

    /** A student with the world's closed vocabularies (as pretraining builds them), untrained. */
    public static VlmModel student(long seed) {
        return VlmModel.create(
                VlmConfig.tiny(), Vocabulary.build(WorldLexicon.words(), 1), Pretrainer.answerVocabulary(), seed);
    }

    /** A tiny teacher trained briefly on gqa-sim, so that it finds some objects. */
    public static TeacherModel teacher() {
        TeacherModel t = TeacherModel.create(TeacherConfig.tiny(), "gqa-sim", 3);
        new TeacherTrainer(t, new TeacherTrainConfig(600, 16, 8, 1e-2f, 20, 4f, 5f, 1f, 3))
                .train(TeacherBuilder.examples(WorldTaskSpec.get("gqa-sim"), "train", 30, 1), null);
        return t;
    }

    public static SubTaskCall call(
            String id, String kind, SceneFile f, ImageValue seen, String text, boolean consistent) {
        Box r = seen.region();
        return new SubTaskCall(
                id,
                "t",
                0,
                1,
                kind.toLowerCase(java.util.Locale.ROOT),
                kind,
                f.path().getFileName().toString(),
                f.path().toString(),
                List.of(r.x1(), r.y1(), r.x2(), r.y2()),
                text,
                null,
                "teacher",
                consistent);
    }

    public static int[] rgb(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
