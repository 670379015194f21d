package io.asyncworker.test.internal;

/**
 * Creates and deletes virtual hosts on the test broker: through its HTTP management API or
 * {@code rabbitmqctl}. Implementations are thread-safe; each call blocks until the broker answered.
 */
public interface VhostAdmin {

    /**
     * Creates a vhost and gives the user every permission in it.
     *
     * @throws IllegalStateException when the broker refuses
     */
    void create(String vhost, String user);

    /** Deletes a vhost with everything in it; nothing happens when it does not exist. */
    void delete(String vhost);

    /** Whether the vhost exists. */
    boolean exists(String vhost);

    /** How vhosts are made, for logs and messages, e.g. {@code rabbitmqctl}. */
    String describe();
}
