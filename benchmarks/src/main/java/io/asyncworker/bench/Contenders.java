package io.asyncworker.bench;

import io.asyncworker.bench.http.EchoServers;
import io.asyncworker.bench.rabbit.AmqpClientConsumer;
import io.asyncworker.bench.sched.ManySchedules;
import io.asyncworker.bench.sched.SchedContenders;
import io.asyncworker.bench.sse.SseClients;
import io.asyncworker.bench.rabbit.AmqpClientHold;
import io.asyncworker.bench.rabbit.AsyncworkerConsumer;
import io.asyncworker.bench.rabbit.AsyncworkerHold;
import io.asyncworker.bench.rabbit.PerfTestConsumer;
import io.asyncworker.bench.rabbit.SpringBatchConsumer;
import java.util.Map;

/** The contenders a child JVM can run, by name. */
final class Contenders {
    private Contenders() {
    }

    static Map<String, Object> run(String name, Params params) throws Exception {
        return switch (name) {
            case "rabbit-perftest" -> PerfTestConsumer.run(params);
            case "rabbit-spring" -> SpringBatchConsumer.run(params);
            case "rabbit-amqpclient" -> AmqpClientConsumer.run(params);
            case "rabbit-hold-amqpclient" -> AmqpClientHold.run(params);
            case "rabbit-asyncworker" -> AsyncworkerConsumer.run(params);
            case "rabbit-hold-asyncworker" -> AsyncworkerHold.run(params);
            case "http-vertx" -> EchoServers.vertx(params);
            case "http-asyncworker" -> EchoServers.asyncworker(params);
            case "sse-asyncworker" -> SseClients.asyncworker(params);
            case "sse-okhttp-background" -> SseClients.okhttpBackground(params);
            case "sse-okhttp-pull" -> SseClients.okhttpPull(params);
            case "sched-stpe" -> SchedContenders.lateness(params, false);
            case "sched-asyncworker" -> SchedContenders.lateness(params, true);
            case "sched-many-stpe" -> ManySchedules.run(params, false);
            case "sched-many-asyncworker" -> ManySchedules.run(params, true);
            default -> throw new IllegalArgumentException("unknown contender: " + name);
        };
    }
}
