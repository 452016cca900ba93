/**
 * Streaming JSON readers for dataset files that are too large to bind at once (a GQA questions file is
 * one object of ~1 GB for {@code train_all}). Each reader binds one entry at a time with Jackson's
 * {@link com.fasterxml.jackson.core.JsonParser#readValueAs}, so memory holds the current entry only.
 *
 * <p>Errors: syntax errors found when a file is opened become a checked
 * {@link org.sdvp.core.io.DataException} naming the file, line and column; errors met later while
 * iterating (a field of the wrong type deep in the file) surface as {@link UncheckedDataException}
 * carrying the same message, because {@link java.util.Iterator#next} cannot throw checked exceptions.
 *
 * <p>Readers are not thread-safe; {@code Evaluator} pulls from a source under a lock.
 */
package org.sdvp.data.json;
