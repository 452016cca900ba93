package org.sdvp.core.module.steps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.sdvp.core.module.Param;
import org.sdvp.core.module.StepContext;
import org.sdvp.core.module.StepException;
import org.sdvp.core.value.BoxesValue;
import org.sdvp.core.value.Detection;
import org.sdvp.core.value.ImageValue;
import org.sdvp.core.value.Value;
import org.sdvp.core.value.ValueType;

/**
 * {@code EMOJI(image=IMAGE,object=OBJ1,emoji='smiling_face')}: an emoji over each object, centred on its box,
 * sized box height / 1.5 as VisProg places it.
 *
 * <p>No emoji artwork ships with this project: VisProg reads PNGs from AugLy's emoji set, and the packaged
 * colour-emoji fonts (Noto Color Emoji) hold bitmap glyphs Java2D cannot draw. The four faces of VisProg's
 * prompt are therefore drawn as simple vector faces (a yellow disc with the named expression) — recognisable
 * and deterministic, not the Unicode artwork. Any other name is a step error listing these four.
 */
public final class EmojiModule extends AbstractStepModule {
    /** The emoji of VisProg's image-editing prompt. */
    public static final List<String> NAMES =
            List.of("smiling_face", "winking_face", "face_with_tongue", "smiling_face_with_sunglasses");

    public EmojiModule() {
        super(
                "EMOJI",
                ValueType.IMAGE,
                "an emoji over each object (drawn faces: " + String.join(", ", NAMES) + ")",
                Param.required("image", ValueType.IMAGE),
                Param.required("object", ValueType.BOXES),
                Param.required("emoji", ValueType.TEXT));
    }

    @Override
    public Value execute(Map<String, Value> args, StepContext ctx) throws StepException {
        ImageValue image = image(args, "image");
        BoxesValue boxes = boxes(args, "object");
        String name = text(args, "emoji").strip();
        if (!NAMES.contains(name)) {
            throw new StepException("unknown emoji '" + name + "'; known: " + String.join(", ", NAMES));
        }
        if (boxes.isEmpty()) {
            throw new StepException("EMOJI has no object to cover: argument 'object' holds no boxes");
        }
        BufferedImage out = ImageEdits.copy(image.pixels());
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (Detection d : boxes.detections()) {
            double s = d.box().height() / 1.5;
            draw(g, name, d.box().centerX() - s / 2, d.box().centerY() - s / 2, Math.max(4, s));
        }
        g.dispose();
        return image.edited(
                out, "EMOJI " + name + " over " + boxes.size() + " object" + (boxes.size() == 1 ? "" : "s"));
    }

    private static void draw(Graphics2D g, String name, double x, double y, double s) {
        g.setColor(new Color(255, 204, 51));
        g.fill(new Ellipse2D.Double(x, y, s, s));
        g.setColor(new Color(102, 69, 0));
        g.setStroke(new BasicStroke((float) Math.max(1, s / 24)));
        g.draw(new Ellipse2D.Double(x, y, s, s));
        double e = s * 0.11;
        if (name.equals("smiling_face_with_sunglasses")) {
            g.setColor(Color.BLACK);
            g.fill(new Ellipse2D.Double(x + s * 0.16, y + s * 0.3, s * 0.3, s * 0.18));
            g.fill(new Ellipse2D.Double(x + s * 0.54, y + s * 0.3, s * 0.3, s * 0.18));
            g.fillRect((int) (x + s * 0.44), (int) (y + s * 0.33), (int) Math.max(1, s * 0.12), (int)
                    Math.max(1, s * 0.04));
        } else {
            g.fill(new Ellipse2D.Double(x + s * 0.3, y + s * 0.3, e, e * 1.4));
            if (name.equals("winking_face")) {
                g.fillRect((int) (x + s * 0.58), (int) (y + s * 0.38), (int) (s * 0.14), (int) Math.max(1, s * 0.04));
            } else {
                g.fill(new Ellipse2D.Double(x + s * 0.6, y + s * 0.3, e, e * 1.4));
            }
        }
        g.setColor(new Color(102, 69, 0));
        g.draw(new Arc2D.Double(x + s * 0.25, y + s * 0.35, s * 0.5, s * 0.4, 200, 140, Arc2D.OPEN));
        if (name.equals("face_with_tongue")) {
            g.setColor(new Color(230, 80, 100));
            g.fill(new Ellipse2D.Double(x + s * 0.42, y + s * 0.66, s * 0.16, s * 0.2));
        }
    }
}
