package org.sdvp.world.render;

import java.util.SplittableRandom;
import org.sdvp.world.style.Style;

/** The style's per-pixel pass: light tint and gain, contrast about mid-gray, haze by distance, noise. */
final class PostProcess {
    private PostProcess() {}

    static void apply(int[] px, int w, int h, Style s, SplittableRandom rng) {
        double[] tint = s.tint();
        double gain = s.gain(), con = s.contrast(), fog = s.fog(), noise = s.noise();
        boolean identity =
                gain == 1 && con == 1 && fog == 0 && noise == 0 && tint[0] == 1 && tint[1] == 1 && tint[2] == 1;
        if (identity) return;
        double fr = (s.fogColor() >> 16) & 0xff, fgc = (s.fogColor() >> 8) & 0xff, fb = s.fogColor() & 0xff;
        double kr = tint[0] * gain, kg = tint[1] * gain, kb = tint[2] * gain;
        double mid = 128 * gain;
        for (int y = 0; y < h; y++) {
            // haze is thickest at the horizon and above, thinning towards the camera
            double t = y < Renderer.HORIZON * h ? 1 : 1 - (y - Renderer.HORIZON * h) / ((1 - Renderer.HORIZON) * h);
            double f = fog * (0.35 + 0.65 * t);
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int p = px[row + x];
                double r = ((p >> 16) & 0xff) * kr, g = ((p >> 8) & 0xff) * kg, b = (p & 0xff) * kb;
                r = mid + (r - mid) * con;
                g = mid + (g - mid) * con;
                b = mid + (b - mid) * con;
                if (f > 0) {
                    r += (fr - r) * f;
                    g += (fgc - g) * f;
                    b += (fb - b) * f;
                }
                if (noise > 0) {
                    // triangular noise from one draw: cheaper than a Gaussian and just as grainy to the eye
                    long bits = rng.nextLong();
                    double n = (((bits & 0xffff) + ((bits >>> 16) & 0xffff)) / 65535.0 - 1.0) * noise;
                    r += n;
                    g += n;
                    b += n;
                }
                px[row + x] = (c(r) << 16) | (c(g) << 8) | c(b);
            }
        }
    }

    private static int c(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }
}
