package org.sdvp.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdvp.core.value.Box;

class GridBoxesTest {
    private final GridBoxes grid = new GridBoxes(12, 12);

    /** Targets turned into a "perfect" head output decode back to the same boxes. */
    @Test
    void encodeThenDecodeRecoversTheBoxes() {
        List<Box> boxes = List.of(new Box(10, 20, 30, 44), new Box(70, 60, 120, 100));
        GridBoxes.Targets t = grid.encode(boxes, 128, 128);
        int cells = 144;
        float[] map = new float[5 * cells];
        for (int c = 0; c < cells; c++) {
            map[c] = t.objectness()[c];
            for (int k = 0; k < 4; k++) map[(k + 1) * cells + c] = t.box()[k * cells + c];
        }
        List<GridBoxes.Scored> out = grid.decode(map, 128, 128, 0.5, 0.5, 10);
        assertEquals(2, out.size());
        for (Box b : boxes) {
            assertTrue(out.stream().anyMatch(s -> s.box().iou(b) > 0.99), "lost " + b + " in " + out);
        }
    }

    /** Each object cell names the box it holds; a small box sharing a cell with a large one keeps it. */
    @Test
    void ownerNamesTheBoxEachCellHolds() {
        List<Box> boxes = List.of(new Box(0, 0, 60, 60), new Box(31, 31, 35, 35), new Box(100, 100, 110, 110));
        GridBoxes.Targets t = grid.encode(boxes, 120, 120);
        assertEquals(1, t.owner()[3 * 12 + 3], "the small box keeps the cell it shares with the large one");
        assertEquals(2, t.owner()[10 * 12 + 10]);
        long owned = java.util.Arrays.stream(t.owner()).filter(o -> o >= 0).count();
        assertEquals(2, owned, "the large box lost its only cell to the small one");
        assertEquals(-1, t.owner()[0]);
    }

    @Test
    void nmsKeepsTheBestOfOverlappingBoxes() {
        List<GridBoxes.Scored> in = List.of(
                new GridBoxes.Scored(new Box(0, 0, 10, 10), 0.6, 0),
                new GridBoxes.Scored(new Box(1, 1, 11, 11), 0.9, 1),
                new GridBoxes.Scored(new Box(50, 50, 60, 60), 0.7, 2));
        List<GridBoxes.Scored> out = GridBoxes.nms(in, 0.5, 10);
        assertEquals(
                List.of(0.9, 0.7), out.stream().map(GridBoxes.Scored::score).toList());
    }
}
