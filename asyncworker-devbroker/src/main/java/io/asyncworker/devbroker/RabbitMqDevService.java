package io.asyncworker.devbroker;

import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.devbroker.internal.DevBroker;
import io.asyncworker.spi.DevService;
import io.asyncworker.spi.DevServiceException;
import java.util.Objects;
import java.util.Optional;

/**
 * The dev service of RabbitMQ routes: in dev mode ({@code asyncworker run --dev}, or
 * {@code ASYNCWORKER_DEV=true}), makes sure a broker answers for the app.
 *
 * <ol>
 *   <li>{@code ASYNCWORKER_AMQP_URL} set: that broker is used, nothing is started.</li>
 *   <li>A RabbitMQ answers on {@code ASYNCWORKER_AMQP_HOST:PORT}: it is used. Anything else answering
 *       there is refused, never used.</li>
 *   <li>The host is another machine and nothing answers: an error (a local broker never stands in
 *       for a remote one).</li>
 *   <li>Nothing answers on this machine: an <b>embedded AMQP 0-9-1 broker</b> starts in this JVM
 *       (Apache Qpid Broker-J, in memory, on a free port of 127.0.0.1, guest/guest). It is not
 *       RabbitMQ: it refuses dead-lettering and quorum-queue arguments and sets no
 *       {@code x-delivery-count}.</li>
 *   <li>Only when that cannot start: RabbitMQ in Docker through Testcontainers, when Docker runs;
 *       else an error saying what to do.</li>
 * </ol>
 *
 * <p>What it starts is returned with {@code ASYNCWORKER_AMQP_URL} pointing at it; the command line
 * builds the app again with that value and closes the broker when the command ends. Registered in
 * {@code META-INF/services/io.asyncworker.spi.DevService}; add this module
 * ({@code io.asyncworker:asyncworker-devbroker}) to a development class path only.
 *
 * <p>Called by the command line on its own thread, once per command.
 */
public final class RabbitMqDevService implements DevService {
    private final DevBroker broker;

    /** The dev service as the command line finds it. */
    public RabbitMqDevService() {
        this.broker = DevBroker.standard();
    }

    /** {@link RouteType#AMQP_RABBITMQ}. */
    @Override
    public RouteType type() {
        return RouteType.AMQP_RABBITMQ;
    }

    /**
     * Makes sure a broker answers, as the class comment says.
     *
     * @return the broker it started, with {@code ASYNCWORKER_AMQP_URL}; empty when the configured one is used
     * @throws DevServiceException saying what to do when no broker can be had
     */
    @Override
    public Optional<Running> ensure(Settings settings) throws DevServiceException {
        return broker.ensure(Objects.requireNonNull(settings, "settings"));
    }
}
