package io.asyncworker.test;

import io.asyncworker.App;
import io.asyncworker.test.internal.ClassVhost;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension for tests against a real RabbitMQ. Each test class gets a {@link TestVhost}: a
 * fresh virtual host, deleted with everything in it after the class. Test methods, {@code @BeforeEach}
 * methods and fields get what they ask for by type:
 * <ul>
 *   <li>{@link App}: a new app per test whose settings point at the vhost ({@link TestVhost#settings()},
 *       meters readable through a {@code SimpleMeterRegistry}), closed after the test;</li>
 *   <li>{@link TestVhost}: the class's vhost, its URL and helpers;</li>
 *   <li>a {@code String} marked {@link AmqpUrl}: the URL into the vhost.</li>
 * </ul>
 *
 * <pre>{@code
 * @RabbitMqTest                       // or @ExtendWith(RabbitMqExtension.class)
 * class OrdersIT {
 *     @Test
 *     void acksWhatItConsumes(App app, TestVhost vhost) {
 *         String orders = vhost.queue("orders");
 *         vhost.declareQueue(orders);
 *         app.connection(AmqpConnection.from(app.settings()));
 *         app.route(AmqpRoute.consume(orders).handler(batch -> { }));
 *         app.start();
 *         vhost.publish(orders, "{\"id\":1}");
 *         await().until(() -> vhost.messageCount(orders) == 0);
 *     }
 * }
 * }</pre>
 *
 * <p><b>Which broker.</b> {@code ASYNCWORKER_TEST_AMQP_URL} when set, else the broker on
 * {@code 127.0.0.1:5672} when it answers, else a Testcontainers RabbitMQ when Docker runs, else the test
 * fails saying so (see {@link TestBrokers}). <b>How the vhost is made.</b> Through the broker's HTTP
 * management API when it answers (at {@code ASYNCWORKER_TEST_AMQP_MANAGEMENT_URL}, the container's, or
 * port 15672 of the broker's host) and the user is an administrator; else, for the local broker or a
 * container, through {@code rabbitmqctl} when it works; else there is no fresh vhost: the class uses the
 * URL's vhost, and the queues named through {@link TestVhost#queue(String)} are unique and deleted after
 * the class. {@link #sharedVhost()} asks for that last way on any broker.
 *
 * <p>Classes run one after another or in parallel each have their own vhost; {@code @Nested} classes
 * share their outer class's. Register one instance of this extension per class.
 */
public final class RabbitMqExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RabbitMqExtension.class);
    private final boolean isolate;

    /** A fresh vhost per test class where the broker lets the kit make one; used by {@link RabbitMqTest}. */
    public RabbitMqExtension() {
        this(true);
    }

    private RabbitMqExtension(boolean isolate) {
        this.isolate = isolate;
    }

    /**
     * {@return an extension that makes no vhost: test classes share the broker URL's vhost, with unique
     * queue names deleted after each class} For brokers where the tests' user may not create vhosts;
     * register it with {@code @RegisterExtension static final RabbitMqExtension RABBIT = RabbitMqExtension.sharedVhost();}.
     */
    public static RabbitMqExtension sharedVhost() {
        return new RabbitMqExtension(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        inject(null, context.getRequiredTestClass(), context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance, instance.getClass(), context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == App.class || type == TestVhost.class || type == String.class && parameter.isAnnotated(AmqpUrl.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == App.class && context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("an App is made per test: ask for it in a test or @BeforeEach "
                    + "method, not in " + parameter.getDeclaringExecutable());
        }
        return valueFor(parameter.getParameter().getType(), context);
    }

    /** Fills the fields ours of an instance (or the static ones when {@code instance} is null). */
    private void inject(Object instance, Class<?> type, ExtensionContext context) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean ours = f.getType() == App.class || f.getType() == TestVhost.class
                        || f.getType() == String.class && f.isAnnotationPresent(AmqpUrl.class);
                if (ours && Modifier.isStatic(f.getModifiers()) == (instance == null)) {
                    set(f, instance, context);
                }
            }
        }
    }

    private void set(Field f, Object instance, ExtensionContext context) {
        if (Modifier.isFinal(f.getModifiers()) || instance == null && f.getType() == App.class) {
            throw new ExtensionConfigurationException("RabbitMqExtension cannot fill " + f + ": make it non-final"
                    + (f.getType() == App.class ? " and non-static (an App is made per test)" : ""));
        }
        try {
            f.setAccessible(true);
            f.set(instance, valueFor(f.getType(), context));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ExtensionConfigurationException("RabbitMqExtension cannot fill " + f + ": " + e.getMessage(), e);
        }
    }

    private Object valueFor(Class<?> type, ExtensionContext context) {
        TestVhost vhost = vhost(context);
        if (type == App.class) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent("app", k -> new HeldApp(newApp(vhost)), HeldApp.class).app;
        }
        return type == TestVhost.class ? vhost : vhost.url();
    }

    /** The vhost of the test class (the outermost one with this extension for {@code @Nested} classes). */
    private TestVhost vhost(ExtensionContext context) {
        ExtensionContext owner = context;
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        String testClass = owner.getRequiredTestClass().getSimpleName();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent("vhost",
                k -> new HeldVhost(ClassVhost.open(testClass, isolate)), HeldVhost.class).vhost;
    }

    private static App newApp(TestVhost vhost) {
        App app = App.create(vhost.settings());
        app.meters().add(new SimpleMeterRegistry());
        return app;
    }

    /** Deletes the class's vhost (or its queues) when JUnit closes the class's store. */
    private record HeldVhost(ClassVhost vhost) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            vhost.close();
        }
    }

    /** Closes the test's app when JUnit closes the test's store. */
    private record HeldApp(App app) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            app.close();
        }
    }
}
