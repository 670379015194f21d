package io.asyncworker.devbroker.internal;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/** {@link DevBroker.Docker} through Testcontainers; its Ryuk removes the container when the JVM exits. */
final class TestcontainersDocker implements DevBroker.Docker {

    @Override
    public boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public DevBroker.Container start(String image) {
        RabbitMQContainer container = new RabbitMQContainer(DockerImageName.parse(image)
                .asCompatibleSubstituteFor("rabbitmq"));
        container.start();
        String url = "amqp://" + container.getAdminUsername() + ":" + container.getAdminPassword() + "@"
                + container.getHost() + ":" + container.getAmqpPort();
        return new DevBroker.Container() {
            @Override
            public String amqpUrl() {
                return url;
            }

            @Override
            public String managementUrl() {
                return container.getHttpUrl();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
