package io.asyncworker.spi;

/** A dev service could not provide its system; the message says what the user can do. */
public final class DevServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception whose message tells the user what to do. */
    public DevServiceException(String message) {
        super(message);
    }

    /** The same, with the cause. */
    public DevServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
