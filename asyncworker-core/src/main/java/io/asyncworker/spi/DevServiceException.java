package io.asyncworker.spi;

/** A dev service could not provide its system; the message says what the user can do. */
public final class DevServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message tells the user what to do.
     *
     * @param message what went wrong and what the user is to do
     */
    public DevServiceException(String message) {
        super(message);
    }

    /**
     * The same, with the cause.
     *
     * @param message what went wrong and what the user is to do
     * @param cause the failure that caused it
     */
    public DevServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
