package io.asyncworker.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchExecutorTest {
    private final ThreadFactory virtual = Thread.ofVirtual().name("test-job").factory();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void withOneSlotJobsRunOneAfterAnotherInSubmissionOrder() throws Exception {
        BatchExecutor executor = new BatchExecutor(1, virtual);
        CountDownLatch release = new CountDownLatch(1);
        executor.submit(job("a", release));
        executor.submit(job("b", null));
        executor.submit(job("c", null));

        assertThat(executor.size()).isEqualTo(3);
        release.countDown();

        assertThat(executor.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(events).containsExactly("a", "b", "c");
        assertThat(executor.size()).isZero();
    }

    @Test
    void awaitIdleGivesUpWhenTheBudgetRunsOut() throws Exception {
        BatchExecutor executor = new BatchExecutor(2, virtual);
        CountDownLatch release = new CountDownLatch(1);
        executor.submit(job("stuck", release));

        assertThat(executor.awaitIdle(Duration.ofMillis(50))).isFalse();

        release.countDown();
        assertThat(executor.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void abandonAllInterruptsRunningJobsAndGivesUpWaitingOnes() throws Exception {
        BatchExecutor executor = new BatchExecutor(1, virtual);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        executor.submit(new BatchExecutor.Job() {
            @Override
            public void run() {
                running.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            }

            @Override
            public void abandon() {
                events.add("abandoned running");
            }
        });
        executor.submit(job("waiting", null));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        List<Thread> threads = executor.abandonAll();

        assertThat(threads).hasSize(1);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactlyInAnyOrder("abandoned waiting", "abandoned running");
        assertThat(executor.size()).isZero();
        assertThat(executor.awaitIdle(Duration.ZERO)).isTrue();
    }

    private BatchExecutor.Job job(String name, CountDownLatch waitFor) {
        return new BatchExecutor.Job() {
            @Override
            public void run() {
                try {
                    if (waitFor != null && !waitFor.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(name + " was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                events.add(name);
            }

            @Override
            public void abandon() {
                events.add("abandoned " + name);
            }
        };
    }
}
