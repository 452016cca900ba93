package org.sdvp.world.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;

class SceneCodecTest {
    @TempDir
    Path dir;

    @Test
    void scenesRoundTripThroughTheFile() throws Exception {
        SceneGenerator gen = new SceneGenerator(SceneGenerator.Config.defaults());
        SplittableRandom rng = new SplittableRandom(1);
        List<Scene> scenes = new ArrayList<>();
        var file = WorldFiles.object();
        file.set("info", WorldFiles.info(new Provenance(Provenance.VERSION, "t", "s", 1, "studio", 3, 128, 128)));
        var arr = file.putArray("scenes");
        for (int i = 0; i < 3; i++) {
            Scene s = gen.next(rng, "studio", "x" + i + ".png");
            scenes.add(s);
            arr.add(SceneCodec.encode(s, "s", i));
        }
        Path f = dir.resolve("scenes.json");
        WorldFiles.write(f, file);
        assertEquals(scenes, SceneCodec.readAll(f));
        Scene light = SceneCodec.readAll(f, false).get(0);
        assertEquals(scenes.get(0).objects(), light.objects());
        assertTrue(light.view(0).mask().isEmpty());
        assertEquals(scenes.get(0).view(0).box(), light.view(0).box());
    }
}
