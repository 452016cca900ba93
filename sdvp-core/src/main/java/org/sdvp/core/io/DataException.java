package org.sdvp.core.io;

/**
 * Bad input data: an unknown task or split, a missing file, malformed JSON (the message names the file
 * and the position). The CLI exits with 2.
 */
public class DataException extends Exception {
    public DataException(String message) { super(message); }

    public DataException(String message, Throwable cause) { super(message, cause); }
}
