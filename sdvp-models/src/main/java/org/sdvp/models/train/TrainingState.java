package org.sdvp.models.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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

/**
 * The resumable state of a training run in a folder: {@code step-NNNNNN/} folders (the network's parameters,
 * the optimiser's moments, {@code state.json}) and a {@code latest} file naming the newest complete one.
 *
 * <p>Why a kill at any moment leaves a usable state: a state folder is written under a temporary name
 * ({@code step-NNNNNN.tmpXXXX}) and renamed when complete, and only then is {@code latest} replaced
 * atomically; older folders are deleted after that. Temporary folders a kill left behind are never read
 * and are deleted by the next save.
 */
public final class TrainingState {
    /**
     * What {@code state.json} holds.
     *
     * @param step steps done
     * @param curve the loss curve so far (one point per window of steps)
     * @param firstLoss the loss of step 0 (null in states written before it was recorded)
     * @param lastLoss the loss of the last step done (null likewise)
     * @param seconds wall time of the training steps so far, over every process of the run
     * @param cpuSeconds CPU time of the training thread likewise
     * @param config what makes two runs the same run (compared before resuming)
     * @param dataSha256 the training data's hash (compared before resuming)
     */
    public record Info(
            int step,
            List<Double> curve,
            Double firstLoss,
            Double lastLoss,
            Double seconds,
            Double cpuSeconds,
            JsonNode config,
            String dataSha256) {}

    /** The file the newest complete state's folder name is in. */
    public static final String LATEST = "latest";

    private final Path dir;
    private final String paramsFile;

    /** @param paramsFile the parameter file's name inside each state folder ({@code model.params}) */
    public TrainingState(Path dir, String paramsFile) {
        this.dir = dir;
        this.paramsFile = paramsFile;
    }

    public Path dir() {
        return dir;
    }

    /** Writes a new complete state, then makes it the latest, then deletes the older ones. */
    public void save(Info info, Block block, SavableAdam adam) throws IOException {
        Files.createDirectories(dir);
        String name = String.format(Locale.ROOT, "step-%06d", info.step());
        Path tmp = Files.createTempDirectory(dir, name + ".tmp");
        try (DataOutputStream d =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp.resolve(paramsFile))))) {
            block.saveParameters(d);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp.resolve("optimizer.bin")))) {
            adam.save(out);
        }
        Json.write(tmp.resolve("state.json"), info);
        Path target = dir.resolve(name);
        deleteTree(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.writeString(dir.resolve(LATEST), name);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("step-")
                            && !p.getFileName().toString().equals(name))
                    .toList()) {
                deleteTree(p);
            }
        }
    }

    /** The newest complete state's info, or null when the folder holds none. */
    public Info latest() throws DataException {
        Path folder = latestFolder();
        if (folder == null) return null;
        try {
            return Json.mapper().readValue(folder.resolve("state.json").toFile(), Info.class);
        } catch (IOException e) {
            throw new DataException("cannot read " + folder.resolve("state.json") + ": " + e.getMessage(), e);
        }
    }

    /** Loads the newest state's parameters into {@code block} (before its trainer is created). */
    public void loadParameters(Block block, NDManager manager) throws DataException {
        Path file = latestFolder().resolve(paramsFile);
        try (DataInputStream d = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(manager, d);
        } catch (IOException | MalformedModelException e) {
            throw new DataException("cannot read the saved training state " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads the newest state's optimiser moments into {@code adam} (arrays owned by {@code manager}). */
    public void loadOptimizer(SavableAdam adam, NDManager manager) throws DataException {
        Path file = latestFolder().resolve("optimizer.bin");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            adam.load(in, manager);
        } catch (IOException e) {
            throw new DataException("cannot read the saved training state " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the whole folder: the run's output is written, its state has served. */
    public void delete() throws IOException {
        deleteTree(dir);
    }

    private Path latestFolder() throws DataException {
        Path latest = dir.resolve(LATEST);
        if (!Files.isRegularFile(latest)) return null;
        try {
            Path folder = dir.resolve(Files.readString(latest).strip());
            if (!Files.isDirectory(folder))
                throw new DataException(latest + " names " + folder + ", which does not exist");
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
