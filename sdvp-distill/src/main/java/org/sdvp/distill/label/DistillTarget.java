package org.sdvp.distill.label;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.sdvp.core.service.ServiceKind;

/**
 * One training target of a distillation stage, already in the student's output space: the pixels a module
 * saw, its text input, and what the student should answer. Pseudo-labels (from a teacher, through the
 * adapter) and replay targets (from the frozen previous student) are both targets; only the loss term they
 * feed differs.
 */
public sealed interface DistillTarget permits DistillTarget.Vqa, DistillTarget.Match, DistillTarget.Loc {
    BufferedImage image();

    /** The question, match text or object phrase. */
    String text();

    ServiceKind kind();

    /**
     * A VQA target.
     *
     * @param probs a distribution over the student's answer vocabulary (sums to 1)
     */
    record Vqa(BufferedImage image, String text, float[] probs) implements DistillTarget {
        public Vqa {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(probs, "probs");
            double sum = 0;
            for (float p : probs) {
                if (!(p >= 0)) throw new IllegalArgumentException("VQA target for '" + text + "' has probability " + p);
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-3)
                throw new IllegalArgumentException("VQA target for '" + text + "' sums to " + sum);
        }

        @Override
        public ServiceKind kind() {
            return ServiceKind.VQA;
        }

        /** Index of the most likely answer (ties: first). */
        public int argmax() {
            int best = 0;
            for (int i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
            return best;
        }
    }

    /** An image–text matching target: the probability that {@code text} describes {@code image}. */
    record Match(BufferedImage image, String text, float probability) implements DistillTarget {
        public Match {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(text, "text");
            if (!(probability >= 0 && probability <= 1))
                throw new IllegalArgumentException("probability " + probability);
        }

        @Override
        public ServiceKind kind() {
            return ServiceKind.MATCH;
        }
    }

    /**
     * A grounding target in the student's grid code ({@link org.sdvp.models.nn.GridBoxes}): per cell an
     * objectness in [0, 1] (0/1 from a teacher's boxes for the phrase, soft from a previous student) and the
     * 4-channel box code, laid out as {@code GridBoxes.Targets}.
     *
     * @param objects every object the teacher found on the image, for training objectness and phrase matching
     *     apart (as pretraining does); {@code null} for a previous student's soft map
     */
    record Loc(BufferedImage image, String text, float[] objectness, float[] box, ImageObjects objects)
            implements DistillTarget {
        public Loc {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(text, "text");
            checkGrid(objectness, box);
            if (objects != null && objects.objectness().length != objectness.length) {
                throw new IllegalArgumentException("the image's objects cover " + objects.objectness().length
                        + " cells, the phrase's " + objectness.length);
            }
        }

        /** A target without the image's objects (a previous student's soft map). */
        public Loc(BufferedImage image, String text, float[] objectness, float[] box) {
            this(image, text, objectness, box, null);
        }

        @Override
        public ServiceKind kind() {
            return ServiceKind.LOC;
        }
    }

    /**
     * All objects a teacher found on an image, in the student's grid code, and per cell whether the object
     * owning it fits the target's phrase (1) or not (0; also 0 on cells without an object).
     */
    record ImageObjects(float[] objectness, float[] box, float[] fits) {
        public ImageObjects {
            checkGrid(objectness, box);
            if (fits.length != objectness.length)
                throw new IllegalArgumentException(
                        "fits has " + fits.length + " cells, objectness " + objectness.length);
            for (int c = 0; c < fits.length; c++) {
                if (fits[c] != 0f && fits[c] != 1f)
                    throw new IllegalArgumentException("fits must be 0 or 1: " + fits[c]);
                if (fits[c] == 1f && objectness[c] != 1f)
                    throw new IllegalArgumentException("cell " + c + " fits the phrase but holds no object");
            }
        }
    }

    private static void checkGrid(float[] objectness, float[] box) {
        for (float o : objectness) if (!(o >= 0 && o <= 1)) throw new IllegalArgumentException("LOC objectness " + o);
        for (float b : box) if (!Float.isFinite(b)) throw new IllegalArgumentException("LOC box code " + b);
        if (box.length != 4 * objectness.length) {
            throw new IllegalArgumentException(
                    "box code needs 4 channels per cell: " + box.length + " vs " + objectness.length);
        }
    }
}
