package org.sdvp.data.json;

import org.sdvp.core.io.DataException;

/** A {@link DataException} met while iterating, where only unchecked exceptions may pass. */
public final class UncheckedDataException extends RuntimeException {
    public UncheckedDataException(DataException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized DataException getCause() {
        return (DataException) super.getCause();
    }
}
