package org.sdvp.viper.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sdvp.viper.testing.ViperTesting;

class SmokeTest {
    @Test
    void findsAndAnswers() {
        long t0 = System.nanoTime();
        var e = ViperTesting.run("""
                def execute_command(image):
                    image_patch = ImagePatch(image)
                    cubes = image_patch.find("cube")
                    return cubes[0].simple_query("What color is it?")
                """);
        System.out.println("first run ms " + (System.nanoTime() - t0) / 1e6);
        for (int i = 0; i < 5; i++) {
            t0 = System.nanoTime();
            ViperTesting.run("def execute_command(image):\n    return 1\n");
            System.out.println("run ms " + (System.nanoTime() - t0) / 1e6);
        }
        System.out.println(e);
        assertEquals("red", ViperTesting.answer(e));
    }
}
