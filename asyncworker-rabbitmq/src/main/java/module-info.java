/**
 * The RabbitMQ backend: consuming routes, connections and publishing over amqp-client
 * ({@code io.asyncworker.rabbitmq}). Everything under {@code io.asyncworker.rabbitmq.internal} is
 * implementation and exported to no module.
 */
// com.rabbitmq.client is an automatic module named by the stable Automatic-Module-Name of its jar.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.asyncworker.rabbitmq {
    requires transitive io.asyncworker.core;
    // RabbitMQMessage.properties() and PublishOptions show amqp-client's AMQP.BasicProperties.
    requires transitive com.rabbitmq.client;
    requires io.asyncworker.jackson;
    requires org.slf4j;

    exports io.asyncworker.rabbitmq;

    provides io.asyncworker.spi.BackendFactory with io.asyncworker.rabbitmq.internal.AmqpBackendFactory;
}
