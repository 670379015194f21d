package io.asyncworker.test;

import io.asyncworker.App;
import io.asyncworker.Settings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The place on the real RabbitMQ that one test class of {@link RabbitMqExtension} has to itself: a
 * fresh virtual host, deleted with everything in it after the class; or, where the broker offers no
 * way to create vhosts (or {@link RabbitMqExtension#sharedVhost()} asks so), the broker URL's own vhost
 * with queue names made unique by {@link #queue(String)} and deleted after the class. Name every queue
 * through {@link #queue(String)} and a test runs alike in both cases.
 *
 * <pre>{@code
 * @RabbitMqTest
 * class OrdersIT {
 *     @Test
 *     void acksOrders(TestVhost vhost) throws Exception {
 *         String orders = vhost.queue("orders");
 *         vhost.declareQueue(orders);
 *         try (App app = vhost.app(() -> OrdersWorker.app(orders))) {   // ASYNCWORKER_AMQP_URL = vhost.url()
 *             app.start();
 *             vhost.publish(orders, "{\"id\":1}");
 *             await().until(() -> vhost.messageCount(orders) == 0);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>The helpers use a connection of the test's own, apart from the code under test, opened at their
 * first use. Thread-safe.
 */
public interface TestVhost {

    /** {@return the virtual host's name; the URL's own (e.g. {@code /}) when not {@link #isolated()}} */
    String name();

    /** {@return the broker URL into this vhost, {@code amqp://user:pass@host:port/vhost}} */
    String url();

    /** {@return whether the vhost was made for this test class (and is deleted after it)} */
    boolean isolated();

    /**
     * A queue name of this test class: {@code base} with a unique suffix, deleted after the class
     * (with the vhost, or on its own when the vhost is shared).
     *
     * @param base a readable prefix, e.g. {@code orders}
     * @return the name, e.g. {@code orders-3f2a9c1e}
     */
    String queue(String base);

    /**
     * {@return the settings variables pointing an app at this vhost: {@code ASYNCWORKER_AMQP_URL}, a 5 s
     * {@code ASYNCWORKER_SHUTDOWN_TIMEOUT} and {@code ASYNCWORKER_HTTP_PORT=0} (any free port)}
     */
    Map<String, String> variables();

    /** {@return {@link #variables()} as settings, other variables at their defaults} */
    Settings settings();

    /**
     * Builds an app the way the worker builds it (its factory reading {@code Settings.fromEnv()} and
     * {@code AmqpConnection.fromEnv()}), with {@link #variables()} in scope, so that it consumes from
     * this vhost. The caller starts and closes it.
     *
     * @param factory the worker's app factory, e.g. {@code OrdersWorker::app}
     * @return the app the factory built
     * @throws Exception what the factory throws
     */
    App app(Callable<App> factory) throws Exception;

    /**
     * Declares a durable classic queue in this vhost.
     *
     * @param queue the queue's name
     */
    void declareQueue(String queue);

    /**
     * Publishes a persistent UTF-8 message to a queue through the default exchange and waits for the
     * broker's confirm.
     *
     * @param queue the queue
     * @param body  the body
     * @throws IllegalStateException when the broker does not confirm it
     */
    void publish(String queue, String body);

    /**
     * {@return the queue's ready messages, as the broker counts them}
     *
     * @param queue the queue
     * @throws IllegalStateException when the queue does not exist
     */
    long messageCount(String queue);

    /**
     * {@return the queue's consumers, as the broker counts them}
     *
     * @param queue the queue
     * @throws IllegalStateException when the queue does not exist
     */
    long consumerCount(String queue);

    /**
     * Takes every ready message off a queue, acknowledging it.
     *
     * @param queue the queue
     * @return the bodies as UTF-8 text, in queue order
     */
    List<String> take(String queue);
}
