package org.sdvp.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sdvp.core.testing.FakeModels;

class ImageValueTest {

    @Test
    void aCropOfACropStillMapsToTheSourceImage() {
        ImageValue source = FakeModels.image("scene.png", 100, 80);
        ImageValue first = source.crop(new Box(10, 20, 60, 70));
        ImageValue second = first.crop(new Box(5, 5, 25, 15));
        assertEquals("scene.png", second.sourceId());
        assertEquals(new Box(15, 25, 35, 35), second.region());
        assertEquals(20, second.width());
        assertEquals(10, second.height());
        assertEquals(new Box(16, 26, 18, 28), second.toSource(new Box(1, 1, 3, 3)));
    }

    @Test
    void aCropHoldsExactlyTheSourcePixels() {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(7, 5, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) for (int x = 0; x < 7; x++) img.setRGB(x, y, (x * 16 + y) << 8);
        ImageValue crop = ImageValue.source("p.png", img).crop(new Box(2, 1, 6, 4));
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(img.getRGB(x + 2, y + 1), crop.pixels().getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void cropsAreClampedToTheImage() {
        ImageValue crop = FakeModels.image("a.png", 50, 50).crop(new Box(-10, 40, 20, 90));
        assertEquals(new Box(0, 40, 20, 50), crop.region());
    }

    @Test
    void aCropOutsideTheImageIsRejected() {
        ImageValue image = FakeModels.image("a.png", 50, 50);
        assertThrows(IllegalArgumentException.class, () -> image.crop(new Box(60, 60, 70, 70)));
    }

    @Test
    void iouOfIdenticalAndDisjointBoxes() {
        Box a = new Box(0, 0, 10, 10);
        assertEquals(1.0, a.iou(a), 1e-12);
        assertEquals(0.0, a.iou(new Box(20, 20, 30, 30)), 1e-12);
        assertEquals(25.0 / 175.0, a.iou(new Box(5, 5, 15, 15)), 1e-12);
    }
}
