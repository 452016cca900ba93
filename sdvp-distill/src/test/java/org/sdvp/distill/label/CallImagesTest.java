package org.sdvp.distill.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.distill.label.LabelFixtures.SceneFile;
import org.sdvp.distill.trace.SubTaskCall;

class CallImagesTest {
    @Test
    void cutsTheSamePixelsAsTheInterpretersCrops(@TempDir Path tmp) throws Exception {
        SceneFile f = LabelFixtures.scenes(tmp, 1, "studio", 5).get(0);
        // a fractional box (rounded outwards by crop), and a crop of a crop (provenance is a translation)
        ImageValue crop = f.crop(0);
        ImageValue inner = crop.crop(new Box(1.4, 2.6, crop.width() - 3.2, crop.height() - 0.5));
        CallImages images = new CallImages();
        for (ImageValue seen : List.of(crop, inner)) {
            BufferedImage got = images.image(LabelFixtures.call("q", "VQA", f, seen, "x", true))
                    .orElseThrow();
            assertEquals(seen.width(), got.getWidth());
            assertEquals(seen.height(), got.getHeight());
            assertArrayEquals(LabelFixtures.rgb(seen.pixels()), LabelFixtures.rgb(got));
        }
        BufferedImage whole = images.image(LabelFixtures.call("q", "LOC", f, f.source(), "cube", true))
                .orElseThrow();
        assertArrayEquals(LabelFixtures.rgb(f.image()), LabelFixtures.rgb(whole));
        // the whole region is the (cached) source itself, not a copy per call
        assertSame(
                whole,
                images.image(LabelFixtures.call("q2", "LOC", f, f.source(), "sphere", true))
                        .orElseThrow());
        assertEquals(0, images.missing());
    }

    @Test
    void missingOrEmptyImagesAreCountedNotFatal(@TempDir Path tmp) throws Exception {
        SceneFile f = LabelFixtures.scenes(tmp, 1, "studio", 5).get(0);
        SubTaskCall ok = LabelFixtures.call("q", "VQA", f, f.crop(0), "x", true);
        SubTaskCall gone = new SubTaskCall(
                "q",
                "t",
                0,
                1,
                "vqa",
                "VQA",
                "nope.png",
                tmp.resolve("nope.png").toString(),
                ok.region(),
                "x",
                null,
                "teacher",
                true);
        SubTaskCall noPath =
                new SubTaskCall("q", "t", 0, 1, "vqa", "VQA", "nope.png", "", ok.region(), "x", null, "teacher", true);
        SubTaskCall outside = new SubTaskCall(
                "q",
                "t",
                0,
                1,
                "vqa",
                "VQA",
                ok.sourceImage(),
                ok.imagePath(),
                List.of(500.0, 500.0, 600.0, 600.0),
                "x",
                null,
                "teacher",
                true);
        CallImages images = new CallImages();
        assertTrue(images.image(gone).isEmpty());
        assertTrue(images.image(noPath).isEmpty());
        assertTrue(images.image(outside).isEmpty());
        assertTrue(images.image(ok).isPresent());
        assertEquals(3, images.missing());
        assertTrue(
                images.failures().get(gone.imagePath()).contains("not found"),
                images.failures().toString());

        // a relative path resolves against the given base (the directory the collection ran in)
        SubTaskCall relative = new SubTaskCall(
                "q",
                "t",
                0,
                1,
                "vqa",
                "VQA",
                ok.sourceImage(),
                ok.sourceImage(),
                ok.region(),
                "x",
                null,
                "teacher",
                true);
        assertTrue(new CallImages(tmp).image(relative).isPresent());
    }
}
