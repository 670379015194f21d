package io.asyncworker.bench.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.asyncworker.bench.Params;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A hand-written amqp-client consumer: basic.qos, decode each body with Jackson, ack every N with
 * multiple=true (or each one singly). The lowest-overhead way to do the same work as the framework.
 */
public final class AmqpClientConsumer {
    private AmqpClientConsumer() {
    }

    public static Map<String, Object> run(Params params) throws Exception {
        int count = params.getInt("count");
        int ackEvery = Math.max(1, params.getInt("ackEvery", 1));
        CountDownLatch done = new CountDownLatch(1);
        long[] seen = {0};
        Drain drain = new Drain();
        try (Connection connection = Broker.factory().newConnection("bench-amqp-client")) {
            Channel channel = connection.createChannel();
            channel.basicQos(params.getInt("qos"));
            channel.basicConsume(params.get("queue"), false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body)
                        throws IOException {
                    drain.started();
                    Item.decode(body);
                    long n = ++seen[0];
                    drain.progress(n, count);
                    if (n % ackEvery == 0 || n == count) {
                        channel.basicAck(envelope.getDeliveryTag(), ackEvery > 1);
                    }
                    if (n == count) {
                        done.countDown();
                    }
                }
            });
            boolean finished = done.await(params.getInt("timeoutSeconds", 600), TimeUnit.SECONDS);
            Map<String, Object> result = drain.done(seen[0]);
            if (!finished) {
                throw new IllegalStateException("amqp-client consumer saw only " + seen[0] + " of " + count);
            }
            return result;
        }
    }
}
