package org.sdvp.distill.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sdvp.core.value.Box;
import org.sdvp.distill.label.DistillTarget;
import org.sdvp.models.nn.GridBoxes;
import org.sdvp.models.vlm.VlmBlock;
import org.sdvp.models.vlm.VlmModel;
import org.sdvp.models.vlm.VlmTrainConfig;
import org.sdvp.models.vlm.VlmTrainer;

/** The LOC term on pseudo-labels: one combined score, or objectness and phrase match apart (locObjects). */
class TargetLossesTest {
    private static final int SIZE = 64, DISC = 14;

    @Test
    void targetsWithoutTheImagesObjectsKeepTheCombinedScoreLoss() {
        try (VlmModel s = StepwiseDistillerTest.student(3);
                NDManager m = s.model().getNDManager().newSubManager()) {
            List<DistillTarget.Loc> withObjects = twoDiscScenes(s.grid(), 4, 1);
            List<DistillTarget.Loc> without = withObjects.stream()
                    .map(t -> new DistillTarget.Loc(t.image(), t.text(), t.objectness(), t.box()))
                    .toList();
            ParameterStore ps = new ParameterStore(m, false);
            float combined = losses(s, false).loc(m, ps, withObjects).getFloat();
            assertEquals(combined, losses(s, true).loc(m, ps, without).getFloat(), 1e-6f);
            float apart = losses(s, true).loc(m, ps, withObjects).getFloat();
            assertTrue(Math.abs(apart - combined) > 1e-4, "locObjects changes the term: " + apart + " vs " + combined);
        }
    }

    @Test
    void apartTheTermIsPretrainingsGroundingLossOverTheTeachersObjects() {
        try (VlmModel s = StepwiseDistillerTest.student(4);
                NDManager m = s.model().getNDManager().newSubManager()) {
            List<DistillTarget.Loc> batch = twoDiscScenes(s.grid(), 3, 2);
            ParameterStore ps = new ParameterStore(m, false);
            int n = batch.size(), cells = s.grid().gridW() * s.grid().gridH();
            float[] obj = new float[n * cells], box = new float[4 * n * cells], fits = new float[n * cells];
            for (int i = 0; i < n; i++) {
                DistillTarget.ImageObjects o = batch.get(i).objects();
                System.arraycopy(o.objectness(), 0, obj, i * cells, cells);
                System.arraycopy(o.box(), 0, box, 4 * i * cells, 4 * cells);
                System.arraycopy(o.fits(), 0, fits, i * cells, cells);
            }
            VlmBlock.Grounding g = s.block()
                    .grounding(
                            ps,
                            s.fullImages(
                                    m, batch.stream().map(DistillTarget::image).toList()),
                            s.texts(m, batch.stream().map(DistillTarget::text).toList()),
                            true);
            VlmTrainConfig pretrain = VlmTrainConfig.defaults(1, 0);
            float want = VlmTrainer.groundingLoss(
                            m, g, obj, box, fits, n, cells, pretrain.objectnessPositiveWeight(), pretrain.boxWeight())
                    .getFloat();
            assertEquals(want, losses(s, true).loc(m, ps, batch).getFloat(), 1e-5f);
        }
    }

    private static TargetLosses losses(VlmModel s, boolean locObjects) {
        return TargetLosses.pseudoLabels(
                s, DistillConfig.builder(1, 1).locObjects(locObjects).build());
    }

    /** Images with a red and a blue disc far apart; the phrase names the red one. */
    private static List<DistillTarget.Loc> twoDiscScenes(GridBoxes grid, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<DistillTarget.Loc> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int rx = 2 + r.nextInt(16), ry = 2 + r.nextInt(SIZE - DISC - 4);
            int bx = SIZE / 2 + 2 + r.nextInt(14), by = 2 + r.nextInt(SIZE - DISC - 4);
            BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(new Color(210, 40, 40));
            g.fillOval(rx, ry, DISC, DISC);
            g.setColor(new Color(40, 70, 220));
            g.fillOval(bx, by, DISC, DISC);
            g.dispose();
            Box red = Box.ofSize(rx, ry, DISC, DISC), blue = Box.ofSize(bx, by, DISC, DISC);
            GridBoxes.Targets phrase = grid.encode(List.of(red), SIZE, SIZE);
            GridBoxes.Targets all = grid.encode(List.of(red, blue), SIZE, SIZE);
            float[] fits = new float[all.owner().length];
            for (int c = 0; c < fits.length; c++) if (all.owner()[c] == 0) fits[c] = 1f;
            out.add(new DistillTarget.Loc(
                    img,
                    "what colour is it",
                    phrase.objectness(),
                    phrase.box(),
                    new DistillTarget.ImageObjects(all.objectness(), all.box(), fits)));
        }
        return out;
    }
}
