package org.sdvp.distill.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sdvp.core.io.AtomicFiles;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.models.train.SavableAdam;
import org.sdvp.models.vlm.VlmModel;

/**
 * The resumable state of a distillation run in a folder: {@code step-NNNNNN/} folders (student parameters,
 * optimiser moments, {@code state.json}) and a {@code latest} file naming the newest complete one. A state
 * folder is written under a temporary name and renamed, then {@code latest} is replaced atomically, so a
 * run killed at any moment leaves the previous state intact.
 */
final class DistillState {
    /** What {@code state.json} holds. */
    record Info(int step, List<Double> curve, JsonNode config, String dataSha256) {}

    private final Path dir;

    DistillState(Path dir) { this.dir = dir; }

    void save(int step, List<Double> curve, JsonNode config, String dataSha256, VlmModel student, SavableAdam adam)
            throws IOException {
        Files.createDirectories(dir);
        String name = String.format(Locale.ROOT, "step-%06d", step);
        Path tmp = Files.createTempDirectory(dir, name + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp.resolve("student.params"));
             DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(out))) {
            student.block().saveParameters(d);
        }
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp.resolve("optimizer.bin")))) {
            adam.save(out);
        }
        Json.write(tmp.resolve("state.json"), new Info(step, curve, config, dataSha256));
        Path target = dir.resolve(name);
        deleteTree(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.writeString(dir.resolve("latest"), name);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("step-")
                    && !p.getFileName().toString().equals(name)).toList()) {
                deleteTree(p);
            }
        }
    }

    /** The newest complete state's info, or null when the folder holds none. */
    Info latest() throws DataException {
        Path folder = latestFolder();
        if (folder == null) return null;
        try {
            return Json.mapper().readValue(folder.resolve("state.json").toFile(), Info.class);
        } catch (IOException e) {
            throw new DataException("cannot read " + folder.resolve("state.json") + ": " + e.getMessage(), e);
        }
    }

    /** Loads the newest state's parameters into {@code student} (call before creating its trainer). */
    void loadParameters(VlmModel student) throws IOException, DataException {
        Path folder = latestFolder();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(folder.resolve("student.params")));
             DataInputStream d = new DataInputStream(in)) {
            student.block().loadParameters(student.model().getNDManager(), d);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException(folder.resolve("student.params") + ": " + e.getMessage(), e);
        }
    }

    void loadOptimizer(SavableAdam adam, VlmModel student) throws IOException, DataException {
        Path folder = latestFolder();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(folder.resolve("optimizer.bin")))) {
            adam.load(in, student.model().getNDManager());
        }
    }

    private Path latestFolder() throws DataException {
        Path latest = dir.resolve("latest");
        if (!Files.isRegularFile(latest)) return null;
        try {
            Path folder = dir.resolve(Files.readString(latest).strip());
            if (!Files.isDirectory(folder)) throw new DataException(latest + " names " + folder + ", which does not exist");
            return folder;
        } catch (IOException e) {
            throw new DataException("cannot read " + latest + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
