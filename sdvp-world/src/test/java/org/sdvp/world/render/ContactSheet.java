package org.sdvp.world.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.sdvp.world.scene.Scene;
import org.sdvp.world.scene.SceneGenerator;
import org.sdvp.world.style.Style;
import org.sdvp.world.style.Styles;

/** Writes docs/world-styles.png: the same scenes (columns) in every style (rows). Run by hand. */
public final class ContactSheet {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/world-styles.png");
        int cols = 5, scale = 2, pad = 4, label = 14;
        SceneGenerator gen = new SceneGenerator(SceneGenerator.Config.defaults());
        SplittableRandom rng = new SplittableRandom(7);
        Scene[] scenes = new Scene[cols];
        for (int c = 0; c < cols; c++) scenes[c] = gen.next(rng, "studio", "s" + c + ".png");
        int cell = 128 * scale;
        BufferedImage sheet = new BufferedImage(cols * (cell + pad) + pad,
                Styles.all().size() * (cell + pad + label) + pad, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        Renderer renderer = new Renderer();
        int row = 0;
        for (Style s : Styles.all()) {
            int y = pad + row * (cell + pad + label);
            g.setColor(Color.BLACK);
            g.drawString(s.name() + " - " + s.description(), pad, y + 11);
            for (int c = 0; c < cols; c++) {
                BufferedImage img = renderer.render(scenes[c], s);
                g.drawImage(img, pad + c * (cell + pad), y + label, cell, cell, null);
            }
            row++;
        }
        g.dispose();
        ImageIO.write(sheet, "png", out.toFile());
    }
}
