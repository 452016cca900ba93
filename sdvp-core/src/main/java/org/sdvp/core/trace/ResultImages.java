package org.sdvp.core.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.sdvp.core.Version;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.Json;
import org.sdvp.core.value.ImageValue;

/**
 * Writes an image result (an edited image, a crop) as PNG with its provenance beside it in {@code FILE.json}:
 * source image, region, the edits in order, the program's SHA-256, the backends and the code version. Both
 * files are written atomically (temporary file + rename), the PNG last, so a reader never sees a PNG without
 * its provenance or half a file.
 */
public final class ResultImages {
    private ResultImages() {}

    /** The provenance file written beside {@code png}. */
    public static Path provenanceOf(Path png) {
        return png.resolveSibling(png.getFileName() + ".json");
    }

    public static void write(Path png, ImageValue image, String programSource, String backends) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", image.sourceId());
        p.put("region", ValueJson.box(image.region()));
        p.put("edits", image.edits());
        p.put("width", image.width());
        p.put("height", image.height());
        p.put("program_sha256", sha256(programSource));
        p.put("modules", backends);
        p.put("sdvp", Version.describe());
        AtomicFiles.writeString(provenanceOf(png), Json.pretty(p) + "\n");
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image.pixels(), "png", out)) throw new IOException("no PNG writer");
        });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
