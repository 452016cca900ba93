package org.sdvp.data.json;

import java.util.Optional;
import org.sdvp.core.evaluation.Example;
import org.sdvp.core.io.DataException;

/**
 * Where a file that is one JSON value (GQA's questions object, CLEVR's questions array) ends before that
 * value does: a file cut off mid-write or mid-copy. Nothing after the cut exists, so nothing can be
 * resynchronised: the complete entries before it are read, and the cut becomes one error of the run (reason
 * {@code truncated-json}) naming the file, the position and the entry it fell in.
 *
 * @param id    the id of the cut's error in a run: the entry it fell inside (GQA's question id, CLEVR's
 *              {@code questions[N]}), or {@code FILE (end)} when it fell between entries
 * @param error kind {@link DataException.Kind#TRUNCATED_JSON}, naming file, line, column and byte
 */
public record Cut(String id, DataException error) {
    /** The cut as a failed question of a run. */
    public Example example() {
        return Example.invalid(id, error);
    }

    /** What a scan of a whole file found: its complete entries and, if the file is truncated, where. */
    public record Scan(long entries, Optional<Cut> cut) {
        /** The examples a source yields for the file: its entries, and one for the cut. */
        public long examples() {
            return entries + (cut.isPresent() ? 1 : 0);
        }
    }
}
