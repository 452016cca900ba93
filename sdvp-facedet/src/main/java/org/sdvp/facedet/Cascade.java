package org.sdvp.facedet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.sdvp.core.service.BackendException;

/**
 * Which cascade {@code facedet[:NAME|:FILE.xml]} runs: one shipped in OpenCV's native jar, named, or a user's
 * own cascade file.
 *
 * @param name     how the spec named it (for messages)
 * @param resource the path inside the native jar below {@code share/opencv4/}, or null for a file
 * @param file     a user's cascade file, or null
 */
public record Cascade(String name, String resource, Path file) {

    /** The cascades OpenCV ships for frontal faces (the profile one as well: VisProg's photos are not all frontal). */
    enum Shipped {
        HAAR("haar", "haarcascades/haarcascade_frontalface_default.xml"),
        HAAR_ALT("haar-alt", "haarcascades/haarcascade_frontalface_alt.xml"),
        HAAR_ALT2("haar-alt2", "haarcascades/haarcascade_frontalface_alt2.xml"),
        LBP("lbp", "lbpcascades/lbpcascade_frontalface_improved.xml"),
        PROFILE("profile", "haarcascades/haarcascade_profileface.xml");

        final String key;
        final String resource;

        Shipped(String key, String resource) {
            this.key = key;
            this.resource = resource;
        }
    }

    /** The names a spec may use, for usage and error messages. */
    public static String names() {
        return Arrays.stream(Shipped.values()).map(s -> s.key).collect(Collectors.joining("|"));
    }

    /**
     * The cascade an argument names: empty = {@code haar} (OpenCV's default frontal-face cascade), a shipped
     * name, or a path ending in {@code .xml}.
     */
    public static Cascade parse(String argument) throws BackendException {
        String a = argument.strip();
        if (a.isEmpty()) a = Shipped.HAAR.key;
        for (Shipped s : Shipped.values()) {
            if (s.key.equals(a)) return new Cascade(s.key, s.resource, null);
        }
        if (a.endsWith(".xml")) {
            Path p = Path.of(a);
            if (!Files.isRegularFile(p)) throw new BackendException("facedet: no cascade file " + p.toAbsolutePath());
            return new Cascade(a, null, p);
        }
        throw new BackendException(
                "facedet: unknown cascade '" + a + "'; known: " + names() + ", or a cascade file FILE.xml");
    }
}
