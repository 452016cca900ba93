package org.sdvp.models.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.Json;
import org.sdvp.core.service.BackendException;

/** Writes and reads checkpoint folders (see the package documentation for the layout). */
public final class Checkpoints {
    private Checkpoints() {}

    /**
     * Writes the block's parameters, then {@code config.json} (both atomically); the parameter file's hash
     * and count are filled into {@code meta}. Returns the meta as written.
     */
    public static CheckpointMeta write(Path dir, CheckpointMeta meta, Block block) throws IOException {
        Files.createDirectories(dir);
        MessageDigest md = sha256();
        AtomicFiles.write(dir.resolve(CheckpointMeta.PARAMS_FILE), out -> {
            DataOutputStream data = new DataOutputStream(new DigestOutputStream(nonClosing(out), md));
            block.saveParameters(data);
            data.flush();
        });
        CheckpointMeta full = new CheckpointMeta(
                CheckpointMeta.FORMAT,
                CheckpointMeta.VERSION,
                meta.kind(),
                meta.architecture(),
                meta.vocabularies(),
                new CheckpointMeta.Parameters(
                        CheckpointMeta.PARAMS_FILE, HexFormat.of().formatHex(md.digest()), parameterCount(block)),
                meta.provenance(),
                meta.calibration());
        Json.write(dir.resolve(CheckpointMeta.CONFIG_FILE), full);
        return full;
    }

    /**
     * Reads and checks {@code config.json}: the folder and file exist, the format and version are known,
     * the kind is {@code expectedKind}, the parameter file exists and its hash matches.
     *
     * @throws BackendException naming the folder and exactly what is wrong
     */
    public static CheckpointMeta read(Path dir, String expectedKind) throws BackendException {
        if (!Files.isDirectory(dir)) throw new BackendException("checkpoint folder not found: " + dir);
        Path config = dir.resolve(CheckpointMeta.CONFIG_FILE);
        if (!Files.isRegularFile(config)) {
            throw new BackendException("checkpoint " + dir + " has no " + CheckpointMeta.CONFIG_FILE
                    + " (an unfinished or foreign folder?)");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(config.toFile());
        } catch (IOException e) {
            throw new BackendException("checkpoint " + config + " is not valid JSON: " + e.getMessage(), e);
        }
        List<String> missing = missingFields(root, CheckpointMeta.class, "");
        if (!missing.isEmpty()) {
            throw new BackendException("checkpoint " + config + " lacks " + String.join(", ", missing));
        }
        if (!CheckpointMeta.FORMAT.equals(root.path("format").asText())) {
            throw new BackendException("checkpoint " + config + " has format '"
                    + root.path("format").asText() + "', expected '" + CheckpointMeta.FORMAT + "'");
        }
        int version = root.path("formatVersion").asInt();
        if (version > CheckpointMeta.VERSION || version < 1) {
            throw new BackendException("checkpoint " + config + " has format version " + version
                    + "; this sdvp reads versions 1.." + CheckpointMeta.VERSION);
        }
        CheckpointMeta meta;
        try {
            meta = Json.mapper().treeToValue(root, CheckpointMeta.class);
        } catch (IOException e) {
            throw new BackendException("checkpoint " + config + " cannot be read: " + e.getMessage(), e);
        }
        if (!expectedKind.equals(meta.kind())) {
            throw new BackendException(
                    "checkpoint " + dir + " holds a '" + meta.kind() + "' model, expected '" + expectedKind + "'");
        }
        Path params = dir.resolve(meta.parameters().file());
        if (!Files.isRegularFile(params)) {
            throw new BackendException("checkpoint " + dir + " lacks its parameter file "
                    + meta.parameters().file());
        }
        String actual = sha256(params);
        if (!actual.equals(meta.parameters().sha256())) {
            throw new BackendException("checkpoint " + dir + ": "
                    + meta.parameters().file() + " has SHA-256 "
                    + actual + " but config.json records " + meta.parameters().sha256()
                    + " (the folder mixes files of two checkpoints)");
        }
        return meta;
    }

    /** Loads the parameters into a block already built (and initialised) from the checkpoint's architecture. */
    public static void loadParameters(Path dir, CheckpointMeta meta, Block block, NDManager manager)
            throws BackendException {
        Path params = dir.resolve(meta.parameters().file());
        Map<String, ai.djl.ndarray.types.Shape> expected = new java.util.LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters())
            expected.put(p.getKey(), p.getValue().getArray().getShape());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
            block.loadParameters(manager, new DataInputStream(in));
        } catch (IOException | MalformedModelException | IllegalArgumentException | IllegalStateException e) {
            throw new BackendException(
                    "checkpoint " + dir + ": parameters do not fit the network built from its " + "config: "
                            + e.getMessage(),
                    e);
        }
        // DJL replaces each array by the stored one without comparing shapes: compare them here
        for (Pair<String, Parameter> p : block.getParameters()) {
            var want = expected.get(p.getKey());
            var got = p.getValue().getArray().getShape();
            if (!got.equals(want)) {
                throw new BackendException("checkpoint " + dir + ": parameter " + p.getKey() + " has shape " + got
                        + " in " + meta.parameters().file() + " but " + want + " in the network built from its config "
                        + "(parameters do not fit the architecture)");
            }
        }
        long count = parameterCount(block);
        if (count != meta.parameters().count()) {
            throw new BackendException("checkpoint " + dir + " records "
                    + meta.parameters().count() + " parameters but the network built from its config has " + count);
        }
    }

    /**
     * Parses {@code node} as the record {@code type}, first naming every missing field (Jackson would
     * silently default it) and every unknown one.
     */
    public static <R extends Record> R parseRecord(JsonNode node, Class<R> type, String what) throws BackendException {
        List<String> missing = missingFields(node, type, "");
        if (!missing.isEmpty()) throw new BackendException(what + " lacks " + String.join(", ", missing));
        TreeSet<String> known = new TreeSet<>();
        for (var c : type.getRecordComponents()) known.add(c.getName());
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) unknown.add(f);
        });
        if (!unknown.isEmpty()) {
            throw new BackendException(
                    what + " has unknown field(s) " + unknown + "; known: " + known + " (written by a newer sdvp?)");
        }
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new BackendException(what + " is invalid: " + e.getMessage(), e);
        }
    }

    private static List<String> missingFields(JsonNode node, Class<? extends Record> type, String prefix) {
        List<String> out = new ArrayList<>();
        for (var c : type.getRecordComponents()) {
            if (optional(type, c.getName())) continue;
            if (!node.has(c.getName()) || node.get(c.getName()).isNull() && !nullable(type, c.getName())) {
                out.add("'" + prefix + c.getName() + "'");
            }
        }
        return out;
    }

    /** Fields a checkpoint may lack entirely (added after format version 1 was fixed). */
    private static boolean optional(Class<?> type, String field) {
        return type == CheckpointMeta.class && field.equals("calibration");
    }

    private static boolean nullable(Class<?> type, String field) {
        return type == CheckpointMeta.class && field.equals("vocabularies");
    }

    public static long parameterCount(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) n += p.getValue().getArray().size();
        }
        return n;
    }

    public static Map<String, Long> parameterCountsByChild(Block block) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            String child = p.getKey().contains("_")
                    ? p.getKey().substring(0, p.getKey().indexOf('_'))
                    : p.getKey();
            out.merge(child, p.getValue().getArray().size(), Long::sum);
        }
        return out;
    }

    static String sha256(Path file) throws BackendException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new BackendException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
