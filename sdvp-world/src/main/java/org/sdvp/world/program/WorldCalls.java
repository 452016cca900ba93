package org.sdvp.world.program;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sdvp.core.value.ImageValue;
import org.sdvp.world.render.Renderer;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.scene.SceneObject;
import org.sdvp.world.style.Styles;

/**
 * Sub-task calls as programs make them on the embedded world: whole images and object crops, with their texts.
 * Backends are compared and benchmarked on them (the TorchScript/ONNX agreement tests, {@code bench/backends-bench.sh}).
 */
public final class WorldCalls {
    private WorldCalls() {}

    public record Call(ImageValue image, String question, String phrase) {}

    public static List<Call> make(int n, long seed) {
        SceneGenerator gen = new SceneGenerator(SceneGenerator.Config.defaults());
        Renderer renderer = new Renderer();
        SplittableRandom rng = new SplittableRandom(seed);
        List<Call> calls = new ArrayList<>(n);
        for (int s = 0; calls.size() < n; s++) {
            Scene scene = gen.next(rng, "studio", "scene" + s + ".png");
            BufferedImage pixels = renderer.render(scene, Styles.get(scene.style()));
            ImageValue image = ImageValue.source(scene.imageFilename(), pixels);
            SceneObject first = scene.object(0);
            calls.add(
                    new Call(image, "How many " + first.shape() + "s are there?", first.color() + " " + first.shape()));
            for (int o = 0; o < scene.size() && calls.size() < n; o++) {
                SceneObject obj = scene.object(o);
                ImageValue crop = image.crop(scene.view(o).box().scaleAboutCenter(1.5));
                calls.add(new Call(crop, "What color is the " + obj.shape() + "?", obj.describe()));
            }
        }
        return calls.subList(0, n);
    }
}
