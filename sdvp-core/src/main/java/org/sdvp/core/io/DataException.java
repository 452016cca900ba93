package org.sdvp.core.io;

/**
 * Bad input data: an unknown task or split, a missing file, malformed JSON (the message names the file
 * and the position). The CLI exits with 2. {@link #kind()} says which kind of bad data it is, so that a
 * run can count its failed questions by reason ({@code results.json}'s {@code errorsByReason}).
 */
public class DataException extends Exception {

    /** What was wrong with the data; {@link #code()} is the name used in results files. */
    public enum Kind {
        MISSING_FILE,
        EMPTY_FILE,
        TRUNCATED_IMAGE,
        NOT_AN_IMAGE,
        IMAGE_TOO_LARGE,
        MALFORMED_JSON,
        WRONG_FIELD_TYPE,
        MISSING_FIELD,
        ABSURD_VALUE,
        NESTED_TOO_DEEP,
        /** A file that is one JSON value ends inside it (cut off mid-write or mid-copy). */
        TRUNCATED_JSON,
        OTHER;

        /** {@code image-too-large} for {@code IMAGE_TOO_LARGE}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    public DataException(String message) {
        this(Kind.OTHER, message, null);
    }

    public DataException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    public DataException(Kind kind, String message) {
        this(kind, message, null);
    }

    public DataException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
