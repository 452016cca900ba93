package org.sdvp.data.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sdvp.core.io.DataException;

/**
 * A positional index of a file that is one JSON object keyed by id (a GQA questions file): the byte offset and
 * line of every {@value #EVERY}th top-level entry's key, recorded by the pass that counts the entries and checks
 * the syntax ({@link ObjectEntries#index}). A reader that starts at entry {@code n} seeks to the checkpoint
 * before it and steps over fewer than {@value #EVERY} entries ({@link ObjectEntries#openAt}), instead of reading
 * the {@code n} entries before it. A million questions take about a thousand checkpoints.
 *
 * <p>Unlike {@link EntryIndex} (key → the span of one value, for look-ups by id), this index is by position and
 * holds no keys: questions are read in file order, never looked up.
 *
 * @param count    the number of entries
 * @param size     the file's size in bytes when it was indexed
 * @param modified the file's last-modified time (ms) when it was indexed
 * @param offsets  byte offset of entry {@code k * EVERY}'s key, for each {@code k}
 * @param lines    the line that entry starts on
 */
public record EntryOffsets(long count, long size, long modified, long[] offsets, int[] lines) {
    /** Entries between checkpoints: the most a reader steps over after seeking. */
    public static final int EVERY = 1024;

    /**
     * Where a reader of entry {@code entry} onwards starts: a checkpoint and the entries to step over after it.
     *
     * @param offset   byte offset of the checkpoint's key
     * @param line     the line that key is on (so that positions in messages read as in the whole file)
     * @param skip     entries to step over from the checkpoint
     * @param size     the file's size when indexed: a different size means the file changed
     * @param modified the file's last-modified time when indexed
     */
    public record Position(long offset, int line, int skip, long size, long modified) {}

    /** The position of entry {@code entry} (0-based, less than {@link #count()}). */
    public Position at(long entry) {
        if (entry < 0 || entry >= count) {
            throw new IndexOutOfBoundsException("entry " + entry + " of " + count);
        }
        int k = (int) (entry / EVERY);
        return new Position(offsets[k], lines[k], (int) (entry % EVERY), size, modified);
    }

    /** Fails when {@code file} is not the file that was indexed at {@code p} (its size or time differ). */
    static void check(Path file, Position p) throws DataException {
        try {
            long size = Files.size(file),
                    modified = Files.getLastModifiedTime(file).toMillis();
            if (size != p.size() || modified != p.modified()) {
                throw new DataException(file + " changed since it was indexed (" + p.size() + " bytes, modified "
                        + p.modified() + "; now " + size + " bytes, modified " + modified + "): plan the run again");
            }
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
