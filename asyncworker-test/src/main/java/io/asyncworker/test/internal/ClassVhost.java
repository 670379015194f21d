package io.asyncworker.test.internal;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.spi.Checks;
import io.asyncworker.spi.SettingsScope;
import io.asyncworker.test.TestVhost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** The {@link TestVhost} of one test class, made before its first test and removed after its last. */
public final class ClassVhost implements TestVhost, AutoCloseable {
    private final String name;
    private final String url;
    private final Optional<VhostAdmin> admin;
    private final AdminChannel channel;
    private final List<String> queues = new ArrayList<>();

    private ClassVhost(String name, String url, Optional<VhostAdmin> admin) {
        this.name = name;
        this.url = url;
        this.admin = admin;
        this.channel = new AdminChannel(url);
    }

    /**
     * A fresh vhost named after the test class when the broker lets the kit make one and
     * {@code isolate} asks for it, else the broker URL's own vhost.
     *
     * @param testClass the test class's simple name
     */
    public static ClassVhost open(String testClass, boolean isolate) {
        ChosenBroker broker = ChosenBroker.get();
        BrokerUrl url = BrokerUrl.parse(broker.url());
        Optional<VhostAdmin> admin = isolate ? broker.vhosts() : Optional.empty();
        if (admin.isEmpty()) {
            return new ClassVhost(url.vhost(), broker.url(), admin);
        }
        String name = "aw-test-" + testClass.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + suffix();
        admin.get().create(name, url.user());
        return new ClassVhost(name, url.withVhost(name), admin);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public boolean isolated() {
        return admin.isPresent();
    }

    @Override
    public synchronized String queue(String base) {
        String queue = Checks.notBlank("base", base) + "-" + suffix();
        queues.add(queue);
        return queue;
    }

    @Override
    public Map<String, String> variables() {
        return Map.of("ASYNCWORKER_AMQP_URL", url, Settings.SHUTDOWN_TIMEOUT.name(), "5s", "ASYNCWORKER_HTTP_PORT", "0");
    }

    @Override
    public Settings settings() {
        return Settings.from(variables());
    }

    @Override
    public App app(Callable<App> factory) throws Exception {
        return SettingsScope.call(variables(), factory);
    }

    @Override
    public void declareQueue(String queue) {
        channel.declare(queue);
    }

    @Override
    public void publish(String queue, String body) {
        channel.publish(queue, body);
    }

    @Override
    public long messageCount(String queue) {
        return channel.passive(queue).getMessageCount();
    }

    @Override
    public long consumerCount(String queue) {
        return channel.passive(queue).getConsumerCount();
    }

    @Override
    public List<String> take(String queue) {
        return channel.take(queue);
    }

    /** Deletes the vhost, or in a shared vhost the queues named through {@link #queue(String)}. */
    @Override
    public void close() {
        try {
            if (admin.isEmpty()) {
                List<String> named;
                synchronized (this) {
                    named = List.copyOf(queues);
                }
                named.forEach(channel::delete);
            }
        } finally {
            channel.close();
            admin.ifPresent(a -> a.delete(name));
        }
    }

    @Override
    public String toString() {
        return isolated() ? "vhost '" + name + "' made through " + admin.get().describe()
                : "the shared vhost '" + name + "' (unique queue names)";
    }
}
