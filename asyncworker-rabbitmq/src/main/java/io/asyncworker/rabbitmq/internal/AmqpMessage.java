package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import io.asyncworker.spi.MessageControl;
import io.asyncworker.spi.PipelineMessage;

/** The handler's view of a {@link Delivery}: its accessors, and the pipeline's decisions and decoding. */
final class AmqpMessage extends PipelineMessage implements RabbitMQMessage {
    private final Delivery delivery;

    AmqpMessage(Delivery delivery, MessageControl control) {
        super(delivery, control);
        this.delivery = delivery;
    }

    @Override
    public String routingKey() {
        return delivery.envelope().getRoutingKey();
    }

    @Override
    public String exchange() {
        return delivery.envelope().getExchange();
    }

    @Override
    public boolean redelivered() {
        return delivery.envelope().isRedeliver();
    }

    @Override
    public int attempt() {
        return delivery.attempt();
    }

    @Override
    public AMQP.BasicProperties properties() {
        return delivery.properties();
    }

    @Override
    public String queue() {
        return delivery.source();
    }

    @Override
    public long deliveryTag() {
        return delivery.deliveryTag();
    }

}
