/**
 * Streaming JSON readers for dataset files that are too large to bind at once (a GQA questions file is
 * one JSON object; {@code train_all}'s parts hold about 14M questions). Each reader binds one entry at a time with Jackson's
 * {@link com.fasterxml.jackson.core.JsonParser#readValueAs}, so memory holds the current entry only.
 *
 * <p>Errors: the tasks read a file once when a split is opened ({@code count} with a type binds every
 * entry and drops it), so syntax errors and values of the wrong type become a checked
 * {@link org.sdvp.core.io.DataException} naming the file, line and column before anything runs. What can
 * still fail while iterating (the file changed or vanished meanwhile) surfaces as
 * {@link UncheckedDataException} carrying the same kind of message, because {@link java.util.Iterator#next}
 * cannot throw checked exceptions.
 *
 * <p>Readers are not thread-safe; {@code Evaluator} pulls from a source under a lock.
 */
package org.sdvp.data.json;
