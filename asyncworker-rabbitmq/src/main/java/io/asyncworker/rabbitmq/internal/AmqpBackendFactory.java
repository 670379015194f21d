package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Connection;
import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.Setting;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpSettings;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.ParkingLot;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plugs the RabbitMQ backend into the core; found through {@code META-INF/services}. */
public final class AmqpBackendFactory implements BackendFactory {

    @Override
    public RouteType type() {
        return RouteType.AMQP_RABBITMQ;
    }

    @Override
    public List<Setting<?>> settings() {
        return AmqpSettings.ALL;
    }

    @Override
    public int startPhase() {
        return PHASE_CONSUMER;
    }

    /** Also for a publish-only app: the backend closes the registered connections' publishers at stop. */
    @Override
    public boolean isNeeded(BackendContext context) {
        return !context.routes().isEmpty() || !context.connections().isEmpty();
    }

    /**
     * Checks that every route names a connection that exists, and one with a retry policy also one
     * that keeps publisher confirms on; then hands the app's observation registry to the registered
     * connections' publishers now, before any startup hook or HTTP handler publishes.
     */
    @Override
    public void validate(BackendContext context) {
        for (Route r : context.routes()) {
            checkConnection(RouteConnections.amqp(r), context);
        }
        for (Connection c : context.connections()) {
            if (c instanceof AmqpConnection a) {
                ConnectionInternals.of(a).publisher().adoptObservations(context.observations());
            }
        }
    }

    private static void checkConnection(AmqpRoute route, BackendContext context) {
        AmqpConnection connection = RouteConnections.resolve(route, context.connections());
        if (route.options().retry().isPresent() && !ConnectionInternals.of(connection).confirms()) {
            throw new IllegalArgumentException("route '" + route.name() + "' retries on the broker, which needs "
                    + "publisher confirms, but connection '" + connection.name() + "' has publisherConfirms(false)");
        }
    }

    /** A lot per distinct parking-lot queue of each route with a retry policy. */
    @Override
    public List<ParkingLot> parkingLots(BackendContext context) {
        List<ParkingLot> lots = new ArrayList<>();
        for (Route r : context.routes()) {
            AmqpRoute route = RouteConnections.amqp(r);
            AmqpConnection connection = RouteConnections.resolve(route, context.connections());
            RouteRetries.of(route).ifPresent(retries -> retries.parkingLots().forEach(lot -> lots.add(new AmqpParkingLot(
                    route.name(), lot, retries.sourceOf(lot), connection, context.timer()::now))));
        }
        return lots;
    }

    @Override
    public List<String> check(BackendContext context) {
        return BrokerProbe.check(context);
    }

    /** A RabbitMQ on this machine, an embedded broker or a container, for {@code --dev}. */
    @Override
    public Optional<String> devServiceModule() {
        return Optional.of("io.asyncworker:asyncworker-devbroker");
    }

    @Override
    public Backend create(BackendContext context) {
        return new AmqpBackend(context);
    }
}
