package io.asyncworker.bench.rabbit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.asyncworker.bench.Probe;
import io.asyncworker.bench.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Heap reference: a plain amqp-client consumer keeping N unacked deliveries in a list. */
public final class AmqpClientHold {
    private AmqpClientHold() {
    }

    public static Map<String, Object> run(Params params) throws Exception {
        int count = params.getInt("count");
        long before = Probe.liveHeapBytes();
        List<Delivery> held = new ArrayList<>();
        CountDownLatch full = new CountDownLatch(1);
        try (Connection connection = Broker.factory().newConnection("bench-amqp-hold")) {
            Channel channel = connection.createChannel();
            channel.basicQos(count);
            channel.basicConsume(params.get("queue"), false, (tag, delivery) -> {
                synchronized (held) {
                    held.add(delivery);
                    if (held.size() == count) {
                        full.countDown();
                    }
                }
            }, tag -> { });
            if (!full.await(params.getInt("timeoutSeconds", 300), TimeUnit.SECONDS)) {
                throw new IllegalStateException("held only " + held.size() + " of " + count);
            }
            long live = Probe.liveHeapBytes();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("held", held.size());
            result.put("heapBeforeMiB", Probe.mib(before));
            result.put("heapMiB", Probe.mib(live));
            synchronized (held) {
                channel.basicAck(held.get(held.size() - 1).getEnvelope().getDeliveryTag(), true);
            }
            return result;
        }
    }
}
