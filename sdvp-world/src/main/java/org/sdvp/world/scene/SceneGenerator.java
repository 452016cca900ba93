package org.sdvp.world.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws random scenes: 3–10 objects (uniform count) with uniform attributes, standing on a floor seen in perspective
 * (nearer = lower in the image = larger). A candidate is rejected and redrawn when an object shows fewer
 * than {@link Config#minVisiblePixels} pixels or less than {@link Config#minVisibleFraction} of itself
 * (occlusion by nearer objects or the image border), or when two objects' visible boxes share a centre
 * coordinate (which would leave left/right or above/below undecided).
 *
 * <p>Every candidate takes one {@code long} from the caller's generator as its own seed, so a scene is a
 * pure function of that seed. Not thread-safe (it owns an {@link IdBuffer}).
 */
public final class SceneGenerator {

    /**
     * @param width              image width in pixels
     * @param height             image height in pixels
     * @param minObjects         fewest objects per scene
     * @param maxObjects         most objects per scene
     * @param minVisibleFraction least share of an object's own pixels that must stay visible
     * @param minVisiblePixels   least number of visible pixels per object
     */
    public record Config(
            int width, int height, int minObjects, int maxObjects, double minVisibleFraction, int minVisiblePixels) {
        public Config {
            if (width < 32 || height < 32) throw new IllegalArgumentException("image must be at least 32x32");
            if (minObjects < 1 || maxObjects < minObjects) throw new IllegalArgumentException("bad object range");
        }

        /**
         * 128×128: a small far object still spans ~9 px (its colour, shape and highlight stay readable)
         * while a CPU student sees 16k pixels per image.
         */
        public static Config defaults() {
            return new Config(128, 128, 3, 10, 0.35, 24);
        }

        public Config withObjects(int min, int max) {
            return new Config(width, height, min, max, minVisibleFraction, minVisiblePixels);
        }
    }

    private static final int MAX_ATTEMPTS = 10_000;
    /** Least distance between two objects' visible-box centres, per axis, in pixels. */
    public static final double MIN_CENTRE_GAP = 1.0;

    private final Config config;
    private final IdBuffer ids;

    public SceneGenerator(Config config) {
        this.config = config;
        this.ids = new IdBuffer(config.width(), config.height());
    }

    public Config config() {
        return config;
    }

    /**
     * The next valid scene from {@code rng}. The object count is drawn first and kept while candidates are
     * redrawn: rejection would otherwise favour small scenes (crowded ones fail the visibility checks more
     * often) and the count would no longer be uniform.
     */
    public Scene next(SplittableRandom rng, String style, String imageFilename) {
        int n = config.minObjects() + rng.nextInt(config.maxObjects() - config.minObjects() + 1);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Scene s = fromSeed(rng.nextLong(), n, style, imageFilename);
            if (s != null) return s;
        }
        throw new IllegalStateException(
                "no valid scene with " + n + " objects in " + MAX_ATTEMPTS + " attempts: " + config);
    }

    /** The scene of {@code seed} (which also draws the object count), or {@code null} if it is rejected. */
    public Scene fromSeed(long seed, String style, String imageFilename) {
        int n = config.minObjects()
                + new SplittableRandom(~seed).nextInt(config.maxObjects() - config.minObjects() + 1);
        return fromSeed(seed, n, style, imageFilename);
    }

    /** The scene of {@code seed} with {@code n} objects, or {@code null} if that candidate is rejected. */
    public Scene fromSeed(long seed, int n, String style, String imageFilename) {
        SplittableRandom r = new SplittableRandom(seed);
        List<SceneObject> objects = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SceneObject o = place(r, objects);
            if (o == null) return null;
            objects.add(o);
        }
        List<ObjectView> views = ids.views(objects);
        for (ObjectView v : views) {
            if (v == null
                    || v.visibleArea() < config.minVisiblePixels()
                    || v.visibleFraction() < config.minVisibleFraction()) return null;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(views.get(i).centerX() - views.get(j).centerX()) < MIN_CENTRE_GAP
                        || Math.abs(views.get(i).centerY() - views.get(j).centerY()) < MIN_CENTRE_GAP) return null;
            }
        }
        return new Scene(imageFilename, config.width(), config.height(), style, seed, objects, views);
    }

    private SceneObject place(SplittableRandom r, List<SceneObject> placed) {
        int w = config.width(), h = config.height();
        String size = pick(r, Attribute.SIZE), color = pick(r, Attribute.COLOR);
        String material = pick(r, Attribute.MATERIAL), shape = pick(r, Attribute.SHAPE);
        double base = (size.equals("large") ? 0.105 : 0.064) * w;
        double yMin = 0.42 * h, yMax = 0.95 * h;
        for (int tries = 0; tries < 40; tries++) {
            double y = yMin + r.nextDouble() * (yMax - yMin);
            double radius = base * (0.7 + 0.5 * (y - yMin) / (yMax - yMin));
            double x = radius + 1 + r.nextDouble() * (w - 2 * radius - 2);
            if (clear(x, y, radius, placed)) return new SceneObject(size, color, material, shape, x, y, radius);
        }
        return null;
    }

    /** Footprints (ellipses on the floor) must not overlap much: objects do not interpenetrate. */
    private static boolean clear(double x, double y, double radius, List<SceneObject> placed) {
        for (SceneObject o : placed) {
            double dx = x - o.x(), dy = (y - o.y()) * 2.5;
            double min = 0.85 * (radius + o.radius());
            if (dx * dx + dy * dy < min * min) return false;
        }
        return true;
    }

    private static String pick(SplittableRandom r, Attribute a) {
        return a.vocabulary().get(r.nextInt(a.vocabulary().size()));
    }
}
