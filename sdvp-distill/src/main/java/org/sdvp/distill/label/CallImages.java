package org.sdvp.distill.label;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Images;
import org.sdvp.core.value.Box;
import org.sdvp.core.value.ImageValue;
import org.sdvp.distill.trace.SubTaskCall;

/**
 * Cuts again the pixels a recorded call saw: its source image (decoded once per path; the last few hundred
 * are kept) cropped to the call's region in source coordinates. The interpreter's crops copy whole pixels
 * and round outwards, so a recorded region is always whole pixels and {@link ImageValue#crop} of the source
 * reproduces the very same pixels. A region covering the whole source is the source image itself.
 *
 * <p>A call whose image is missing, unreadable or whose region has no pixels in it yields nothing and is
 * counted ({@link #missing()}); the reason of the first such failure per path is kept for messages. Not
 * thread-safe.
 */
public final class CallImages {
    /** Decoded sources kept at once; calls come grouped by question, so a small window hits almost always. */
    static final int CACHED_SOURCES = 256;

    private final Map<String, ImageValue> sources = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImageValue> eldest) {
            return size() > CACHED_SOURCES;
        }
    };
    private final Map<String, String> failures = new HashMap<>();
    private final Path base;
    private int missing;

    /** Relative image paths resolve against the working directory. */
    public CallImages() {
        this(Path.of(""));
    }

    /**
     * @param base where relative image paths resolve (the directory the collection ran in; calls collected by
     *     this version record absolute paths)
     */
    public CallImages(Path base) {
        this.base = base;
    }

    /** The image the call saw, or empty (counted) when it cannot be re-cut. */
    public Optional<BufferedImage> image(SubTaskCall call) {
        ImageValue source = source(call.imagePath());
        if (source == null) {
            missing++;
            return Optional.empty();
        }
        List<Double> r = call.region();
        Box region = new Box(r.get(0), r.get(1), r.get(2), r.get(3));
        if (region.equals(source.region())) return Optional.of(source.pixels());
        try {
            return Optional.of(source.crop(region).pixels());
        } catch (IllegalArgumentException e) {
            failures.putIfAbsent(call.imagePath() + " " + region, e.getMessage());
            missing++;
            return Optional.empty();
        }
    }

    /** Calls that yielded no image so far. */
    public int missing() {
        return missing;
    }

    /** Why images could not be read or cut, by path (first reason each). */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    private ImageValue source(String path) {
        if (path == null || path.isEmpty()) {
            failures.putIfAbsent("", "the call records no image path");
            return null;
        }
        if (failures.containsKey(path)) return null;
        ImageValue cached = sources.get(path);
        if (cached != null) return cached;
        try {
            ImageValue v = Images.load(base.resolve(path));
            sources.put(path, v);
            return v;
        } catch (DataException | RuntimeException e) {
            failures.put(path, e.getMessage());
            return null;
        }
    }
}
