package io.asyncworker;

/** A message body that cannot be decoded into the requested type. */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message for the log and the codec's exception as its cause.
     *
     * @param message says which type was expected and what was wrong, without the whole body
     * @param cause   the codec's own exception
     */
    public DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
