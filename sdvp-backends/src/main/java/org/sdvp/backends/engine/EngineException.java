package org.sdvp.backends.engine;

/** The engine failed to run the model on the given inputs (its message says why, in the engine's words). */
public class EngineException extends Exception {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineException(String message) {
        super(message);
    }
}
