package io.asyncworker.spi;

import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import java.util.Map;
import java.util.Optional;

/**
 * Provides, in dev mode only, the external system a route type needs when none is configured: e.g.
 * a broker on this machine that already answers, an embedded one, or a throw-away container.
 * Registered in {@code META-INF/services/io.asyncworker.spi.DevService} by an optional module that
 * production workers do not carry; the command line runs it for {@code --dev} or
 * {@code ASYNCWORKER_DEV=true} when the app has routes or connections of its {@link #type()}.
 *
 * <p>Called once per command, on the command's thread, before the app is started.
 */
public interface DevService {

    /** {@return the route type whose external system this service provides} */
    RouteType type();

    /**
     * Makes sure the system answers: leaves the configured one alone when it does, else starts one.
     *
     * @param settings the app's settings as configured
     * @return the running system when this service started one, with the settings that point the
     *         app at it; empty when the configured one is used as it is
     * @throws DevServiceException saying what to do when nothing can be provided
     */
    Optional<Running> ensure(Settings settings) throws DevServiceException;

    /** A system a dev service started; closed when the command ends. */
    interface Running extends AutoCloseable {

        /**
         * The settings that point an app at it, e.g. {@code ASYNCWORKER_AMQP_URL}.
         *
         * @return the variables and their values, by name
         */
        Map<String, String> settings();

        /**
         * What it is, for the log, e.g. "embedded AMQP 0-9-1 broker (not RabbitMQ) on 127.0.0.1:40123".
         *
         * @return a one-line description
         */
        String description();

        /** Stops it; never throws. */
        @Override
        void close();
    }
}
