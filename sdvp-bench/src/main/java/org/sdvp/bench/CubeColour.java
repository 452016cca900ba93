package org.sdvp.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.sdvp.core.service.ModelServices;
import org.sdvp.core.service.VqaAnswer;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;

/**
 * The sandbox benchmarks' question — find the cube, ask its colour: 2 model calls — as a ViperGPT program
 * (the one {@code ViperEmitter} writes for it) and as a VisProg program, over models with no latency at all,
 * so every microsecond measured is framework time. Shared by {@link ViperBench} (JMH) and
 * {@link ViperWarmBench} (long warm-up).
 */
final class CubeColour {
    static final String VIPER = """
            def execute_command(image):
                image_patch = ImagePatch(image)
                cube_patches = image_patch.find("cube")
                if len(cube_patches) == 0:
                    return image_patch.simple_query("What color is the cube?")
                cube_patch = cube_patches[0]
                return cube_patch.simple_query("What color is the cube?")
            """;
    static final String VISPROG = """
            BOX0=LOC(image=IMAGE,object='cube')
            IMAGE0=CROP(image=IMAGE,box=BOX0)
            ANSWER0=VQA(image=IMAGE0,question='What color is the cube?')
            FINAL_RESULT=RESULT(var=ANSWER0)
            """;

    /** The size of every batch the models were called with, in call order. */
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    private CubeColour() {}

    static CubeColour create() {
        return new CubeColour();
    }

    /** The program's initial variables: one blank 128 × 128 image. */
    static Map<String, Value> initial() {
        return Map.of("IMAGE", ImageValue.source("bench.png", new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB)));
    }

    /** A cube at a fixed place, "red" for every question, a perfect match: no model time at all. */
    ModelServices services() {
        return ModelServices.builder("zero-latency")
                .loc(batch -> answered(batch.size(), List.of(new Detection(new Box(10, 60, 50, 90), "cube", 1.0))))
                .vqa(batch -> answered(batch.size(), new VqaAnswer("red", 1.0)))
                .match(batch -> answered(batch.size(), 1.0))
                .build();
    }

    private <O> List<O> answered(int size, O answer) {
        batchSizes.add(size);
        return Collections.nCopies(size, answer);
    }
}
