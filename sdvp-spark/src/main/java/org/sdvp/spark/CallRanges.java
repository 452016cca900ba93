package org.sdvp.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sdvp.core.io.DataException;

/**
 * Cuts a JSON-lines file into contiguous line ranges of near-equal size with each range's byte offset, in two
 * streamed passes over its bytes (count the lines, then find the ranges' first bytes), holding nothing but the
 * ranges.
 */
final class CallRanges {
    private CallRanges() {}

    static List<LabelPlan.Lines> of(Path file, int parts) throws DataException {
        try {
            long lines = lineCount(file);
            if (lines == 0) throw new DataException("no calls in " + file);
            List<JobPlan.Range> ranges = JobPlan.ranges(lines, parts);
            List<LabelPlan.Lines> out = new ArrayList<>(ranges.size());
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                long line = 0, offset = 0;
                int b;
                for (JobPlan.Range r : ranges) {
                    while (line < r.from() && (b = in.read()) >= 0) {
                        offset++;
                        if (b == '\n') line++;
                    }
                    out.add(new LabelPlan.Lines(r.from(), r.count(), offset));
                }
            }
            return out;
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Lines, counting a last line without its newline. */
    static long lineCount(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
                last = buf[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }
}
