package org.sdvp.data.clevr.program;

/** A functional program that does not apply to its scene (e.g. {@code unique} over two objects). */
public class ExecutionException extends RuntimeException {
    public ExecutionException(String message) {
        super(message);
    }
}
