package org.sdvp.world.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Style;
import org.sdvp.world.style.Styles;

/**
 * A contact sheet: the same scenes (columns) rendered in every style (rows), each row captioned with the
 * style's name and description, images enlarged ×2 without smoothing. {@code docs/world-styles.png} is one.
 */
public final class ContactSheet {
    private ContactSheet() {}

    public static BufferedImage render(int columns, long seed, SceneGenerator.Config config) {
        int scale = 2, pad = 4, label = 14;
        SceneGenerator gen = new SceneGenerator(config);
        SplittableRandom rng = new SplittableRandom(seed);
        Scene[] scenes = new Scene[columns];
        for (int c = 0; c < columns; c++) scenes[c] = gen.next(rng, "studio", "sheet" + c + ".png");
        int cw = config.width() * scale, ch = config.height() * scale;
        BufferedImage sheet = new BufferedImage(
                columns * (cw + pad) + pad, Styles.all().size() * (ch + pad + label) + pad, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        Renderer renderer = new Renderer();
        int row = 0;
        for (Style s : Styles.all()) {
            int y = pad + row * (ch + pad + label);
            g.setColor(Color.BLACK);
            g.drawString(s.name() + " - " + s.description(), pad, y + 11);
            for (int c = 0; c < columns; c++) {
                g.drawImage(renderer.render(scenes[c], s), pad + c * (cw + pad), y + label, cw, ch, null);
            }
            row++;
        }
        g.dispose();
        return sheet;
    }
}
