package org.sdvp.models.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Styles;
import org.sdvp.world.task.DatasetGenerator;
import org.sdvp.world.task.GeneratedExample;
import org.sdvp.world.task.WorldTaskSpec;

/**
 * The sub-task calls of a world task's split: its scenes (drawn with the same seeds as
 * {@code sdvp world generate}, rendered in the task's style) sampled into the calls converted programs make.
 * Data for both the teachers' coverage ({@code models.teacher}) and sub-task evaluation ({@code models.eval}),
 * so neither package needs the other for it.
 */
public final class SplitCalls {
    private SplitCalls() {}

    /** The calls of {@code questions} questions' scenes, sampled with {@code sampler}. */
    public static SubTaskSet of(WorldTaskSpec task, String split, int questions, long seed, SubTaskSampler sampler) {
        DatasetGenerator.Request r = new DatasetGenerator.Request(
                task, split, questions, seed, task.defaultStyle(), Path.of("unused"), SceneGenerator.Config.defaults());
        Renderer renderer = new Renderer();
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5eed5eedL);
        List<VqaExample> vqa = new ArrayList<>();
        List<MatchExample> match = new ArrayList<>();
        List<LocExample> loc = new ArrayList<>();
        for (GeneratedExample ex : new DatasetGenerator().draw(r)) {
            for (Scene s : ex.scenes()) {
                BufferedImage img = renderer.render(s, Styles.get(s.style()));
                sampler.sample(s, img, rng.split(), vqa, match, loc);
            }
        }
        return new SubTaskSet(vqa, match, loc);
    }
}
