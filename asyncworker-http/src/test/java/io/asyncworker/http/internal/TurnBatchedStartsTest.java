package io.asyncworker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnBatchedStartsTest {
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger created = new AtomicInteger();
    private final ThreadFactory virtual = Thread.ofVirtual().name("test-handler").factory();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void tasksOfOneLoopTurnStartAfterTheTurnEachOnItsOwnVirtualThread() throws Exception {
        TurnBatchedStarts starts = new TurnBatchedStarts(io.asyncworker.spi.TaskRunner.of(counting(virtual), Integer.MAX_VALUE));
        CountDownLatch ran = new CountDownLatch(3);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger createdDuringTurn = new AtomicInteger(-1);
        vertx.getOrCreateContext().runOnContext(v -> {
            for (int i = 0; i < 3; i++) {
                starts.start(task(() -> {
                    threads.add(Thread.currentThread());
                    ran.countDown();
                }, e -> { }));
            }
            createdDuringTurn.set(created.get());
        });

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(createdDuringTurn).hasValue(0);
        assertThat(threads).hasSize(3).allMatch(Thread::isVirtual);
    }

    @Test
    void offAnEventLoopATaskStartsAtOnce() throws Exception {
        TurnBatchedStarts starts = new TurnBatchedStarts(io.asyncworker.spi.TaskRunner.of(counting(virtual), Integer.MAX_VALUE));
        CountDownLatch ran = new CountDownLatch(1);

        starts.start(task(ran::countDown, e -> { }));

        assertThat(created).hasValue(1);
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTaskWhoseThreadCannotStartIsToldAndTheRestOfItsBatchStillStarts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ThreadFactory firstFails = r -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("no thread for you");
            }
            return virtual.newThread(r);
        };
        TurnBatchedStarts starts = new TurnBatchedStarts(io.asyncworker.spi.TaskRunner.of(firstFails, Integer.MAX_VALUE));
        List<String> refused = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        vertx.getOrCreateContext().runOnContext(v -> {
            for (int i = 0; i < 3; i++) {
                starts.start(task(done::countDown, e -> {
                    refused.add(e.getMessage());
                    done.countDown();
                }));
            }
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(refused).containsExactly("no thread for you");
        assertThat(calls).hasValue(3);
    }

    private ThreadFactory counting(ThreadFactory factory) {
        return r -> {
            created.incrementAndGet();
            return factory.newThread(r);
        };
    }

    private static TurnBatchedStarts.Task task(Runnable body, java.util.function.Consumer<RuntimeException> refused) {
        return new TurnBatchedStarts.Task() {
            @Override
            public void run() {
                body.run();
            }

            @Override
            public void notStarted(RuntimeException cause) {
                refused.accept(cause);
            }
        };
    }
}
