package io.asyncworker.bench.rabbit;

import io.asyncworker.bench.Params;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BatchMessageListener;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * Spring AMQP batch listener, plain Java config: SimpleMessageListenerContainer with
 * consumerBatchEnabled, batchSize and prefetch as given, AUTO acks; decodes each body with Jackson.
 */
public final class SpringBatchConsumer {
    private SpringBatchConsumer() {
    }

    public static Map<String, Object> run(Params params) throws Exception {
        int count = params.getInt("count");
        int batch = params.getInt("batch");
        AtomicLong seen = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Drain drain = new Drain();
        CachingConnectionFactory factory = new CachingConnectionFactory(Broker.HOST, Broker.PORT);
        factory.setUsername("guest");
        factory.setPassword("guest");
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(factory);
        container.setQueueNames(params.get("queue"));
        container.setConsumerBatchEnabled(true);
        container.setBatchSize(batch);
        container.setPrefetchCount(params.getInt("prefetch"));
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setMessageListener((BatchMessageListener) (List<Message> messages) -> {
            drain.started();
            for (Message message : messages) {
                Item.decode(message.getBody());
            }
            long n = seen.addAndGet(messages.size());
            drain.progress(n, count);
            if (n >= count) {
                done.countDown();
            }
        });
        container.afterPropertiesSet();
        container.start();
        boolean finished = done.await(params.getInt("timeoutSeconds", 600), TimeUnit.SECONDS);
        Map<String, Object> result = drain.done(seen.get());
        container.stop();
        factory.destroy();
        if (!finished) {
            throw new IllegalStateException("spring consumer saw only " + seen.get() + " of " + count);
        }
        return result;
    }
}
