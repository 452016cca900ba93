package org.sdvp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdvp.core.io.DataException;

/** A calls file cut into line ranges, each starting at its first line's first byte. */
class CallRangesTest {
    @TempDir
    Path tmp;

    @Test
    void rangesCoverEveryLineOnceAndStartAtTheirLinesFirstByte() throws Exception {
        // lines of different lengths and multi-byte characters: offsets are bytes, not characters
        String text = "{\"a\":1}\n{\"b\":\"é\"}\n\n{\"c\":333}\n{\"d\":\"größer\"}\n{\"e\":5}";
        Path f = Files.writeString(tmp.resolve("calls.jsonl"), text);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(6, CallRanges.lineCount(f), "a last line without its newline counts");
        for (int parts : List.of(1, 2, 4, 6, 9)) {
            List<LabelPlan.Lines> ranges = CallRanges.of(f, parts);
            assertEquals(Math.min(parts, 6), ranges.size());
            long next = 0;
            for (LabelPlan.Lines r : ranges) {
                assertEquals(next, r.first(), "contiguous");
                next += r.count();
                String from =
                        new String(bytes, (int) r.offset(), bytes.length - (int) r.offset(), StandardCharsets.UTF_8);
                assertEquals(
                        text.lines().skip(r.first()).findFirst().orElseThrow(),
                        from.lines().findFirst().orElse(""));
            }
            assertEquals(6, next);
        }
    }

    @Test
    void anEmptyFileHasNoCalls() throws Exception {
        Path f = Files.writeString(tmp.resolve("empty.jsonl"), "");
        assertThrows(DataException.class, () -> CallRanges.of(f, 3));
    }
}
