package org.sdvp.models.data;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.sdvp.models.train.LocExample;
import org.sdvp.models.train.MatchExample;
import org.sdvp.models.train.SubTaskSet;
import org.sdvp.models.train.VqaExample;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Styles;

/**
 * Fresh scenes of the world rendered in a {@link StyleMix} and sampled into sub-task examples: the
 * general pretraining data. Scenes come from the world's own generator with a seed of their own, so no
 * task's split (and no target task's question) is among them.
 */
public final class WorldData {
    private WorldData() {}

    /**
     * @param progress receives the number of scenes done (may be null)
     */
    public static SubTaskSet generate(
            int scenes, StyleMix mix, SubTaskSampler sampler, long seed, String prefix, IntConsumer progress) {
        SplittableRandom rng = new SplittableRandom(seed);
        SceneGenerator generator = new SceneGenerator(SceneGenerator.Config.defaults());
        Renderer renderer = new Renderer();
        List<String> styles = mix.assign(scenes);
        List<VqaExample> vqa = new ArrayList<>();
        List<MatchExample> match = new ArrayList<>();
        List<LocExample> loc = new ArrayList<>();
        for (int i = 0; i < scenes; i++) {
            String style = styles.get(i);
            Scene s = generator.next(rng, style, String.format(java.util.Locale.ROOT, "%s_%06d.png", prefix, i));
            BufferedImage img = renderer.render(s, Styles.get(style));
            sampler.sample(s, img, rng.split(), vqa, match, loc);
            if (progress != null) progress.accept(i + 1);
        }
        return new SubTaskSet(vqa, match, loc);
    }
}
