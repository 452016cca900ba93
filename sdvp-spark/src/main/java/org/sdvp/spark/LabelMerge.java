package org.sdvp.spark;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sdvp.core.io.DataException;
import org.sdvp.core.io.Json;
import org.sdvp.distill.label.CallImages;
import org.sdvp.distill.label.DistillSet;
import org.sdvp.distill.label.DistillTarget;
import org.sdvp.distill.label.Labelled;
import org.sdvp.distill.trace.CallsFile;
import org.sdvp.distill.trace.SubTaskCall;

/**
 * The driver's side of {@code --spark} labelling: reads the partitions' labels in file order beside one pass over
 * the calls file, cuts each labelled call's pixels again ({@link CallImages}, as the local path does) and builds
 * the {@link Labelled} the local path builds: the same targets in the same order, the counters summed.
 */
final class LabelMerge {
    private LabelMerge() {}

    static Labelled merge(Path calls, PartitionStore store, int partitions) throws DataException {
        List<DistillTarget> targets = new ArrayList<>();
        LabelStats total = LabelStats.empty();
        CallImages images = new CallImages();
        try (BufferedReader in = Files.newBufferedReader(calls, StandardCharsets.UTF_8)) {
            long at = 0; // the calls file's line the reader is at
            for (int i = 0; i < partitions; i++) {
                Path file = store.partition(i).resolve(LabelTask.LABELS);
                try (BufferedReader labels = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String text;
                    for (long n = 1; (text = labels.readLine()) != null; n++) {
                        CallLabel label = read(file, n, text);
                        if (label.line() < at) throw new DataException(file + ":" + n + ": labels out of line order");
                        String line = null;
                        for (; at <= label.line(); at++) line = in.readLine();
                        if (line == null)
                            throw new DataException(file + ":" + n + ": no line " + label.line() + " in " + calls);
                        SubTaskCall call = CallsFile.parse(calls, label.line() + 1, line);
                        targets.add(label.target(call, pixels(images, call, calls, label.line())));
                    }
                }
                total = total.plus(store.labelStats(i));
            }
        } catch (IOException e) {
            throw new DataException("cannot read the labels of " + calls + ": " + e.getMessage(), e);
        }
        return new Labelled(
                DistillSet.of(targets),
                total.calls(),
                total.inconsistent(),
                total.uncovered(),
                total.unsure(),
                total.missingImage());
    }

    private static CallLabel read(Path file, long n, String text) throws DataException {
        try {
            return Json.mapper().readValue(text, CallLabel.class);
        } catch (IOException e) {
            throw new DataException(file + ":" + n + ": not a call's label: " + e.getMessage(), e);
        }
    }

    /** The pixels an executor labelled; an image the executor read but this JVM cannot is a path not shared. */
    private static BufferedImage pixels(CallImages images, SubTaskCall call, Path calls, long line)
            throws DataException {
        Optional<BufferedImage> img = images.image(call);
        if (img.isPresent()) return img.get();
        throw new DataException("the driver cannot read " + call.imagePath() + " (" + calls + ":" + (line + 1)
                + "), which an executor labelled: the images must be on a path the driver and every executor see ("
                + images.failures().values().stream().findFirst().orElse("unreadable") + ")");
    }
}
