package io.asyncworker.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void withOneSlotTasksRunOneAfterAnotherInSubmissionOrder() throws Exception {
        TaskRunner runner = TaskRunner.virtual("test-task", 1);
        CountDownLatch release = new CountDownLatch(1);
        runner.submit(task("a", release));
        runner.submit(task("b", null));
        runner.submit(task("c", null));

        assertThat(runner.size()).isEqualTo(3);
        release.countDown();

        assertThat(runner.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(events).containsExactly("a", "b", "c");
        assertThat(runner.size()).isZero();
    }

    /** Regression: a submit right after a task ended could take the free slot before the waiting tasks. */
    @Test
    void aSubmitNeverOvertakesWaitingTasksNorExceedsTheBound() throws Exception {
        TaskRunner runner = TaskRunner.virtual("test-task", 1);
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int n = i;
            runner.submit(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(n);
                running.decrementAndGet();
            });
        }
        assertThat(runner.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(most).hasValue(1);
        assertThat(order).hasSize(5_000).isSorted();
    }

    /**
     * Regression: a finishing task freed its slot before it handed it to the next waiting task, so a
     * task submitted in between started too: two ran at once with one slot (seen as a flaky
     * {@code BatchPipelineTest.maxConcurrencyOneRunsBatchesStrictlyOneAtATimeInOrder}).
     */
    @Test
    void oneSlotNeverRunsTwoTasksWhileTasksAreSubmittedAsOthersFinish() throws Exception {
        TaskRunner runner = TaskRunner.virtual("test-task", 1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> submitters = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            submitters.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1_500; i++) {
                    runner.submit(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        LockSupport.parkNanos(50_000); // a second task started now would overlap
                        running.decrementAndGet();
                    });
                    LockSupport.parkNanos(20_000); // keep submitting while tasks finish
                }
            }));
        }
        for (Thread t : submitters) {
            t.join();
        }
        assertThat(runner.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(most).hasValue(1);
    }

    @Test
    void tasksRunOnVirtualThreads() throws Exception {
        TaskRunner runner = TaskRunner.virtual("test-task", Integer.MAX_VALUE);
        runner.submit(() -> events.add(Thread.currentThread().isVirtual() ? "virtual" : "platform"));
        assertThat(runner.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(events).containsExactly("virtual");
    }

    @Test
    void awaitIdleGivesUpWhenTheBudgetRunsOut() throws Exception {
        TaskRunner runner = TaskRunner.virtual("test-task", 2);
        CountDownLatch release = new CountDownLatch(1);
        runner.submit(task("stuck", release));

        assertThat(runner.awaitIdle(Duration.ofMillis(50))).isFalse();

        release.countDown();
        assertThat(runner.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void stopOverBudgetAbandonsWaitingTasksAndInterruptsRunningOnesCountingEachExactly() throws Exception {
        TaskRunner runner = TaskRunner.virtual("test-task", 2);
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch interrupted = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            runner.submit(blocking("running " + i, running, interrupted));
        }
        runner.submit(task("waiting", null));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        TaskRunner.Stopped stopped = runner.stop(Duration.ofMillis(20), Duration.ofSeconds(5));

        assertThat(stopped.idle()).isFalse();
        assertThat(stopped.interrupted()).isEqualTo(2);
        assertThat(stopped.abandoned()).isEqualTo(3);
        assertThat(stopped.ignoringInterrupt()).isEmpty();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactlyInAnyOrder("abandoned waiting", "abandoned running 0", "abandoned running 1");
        assertThat(runner.size()).isZero();
    }

    @Test
    void aTaskIgnoringTheInterruptIsNamedAfterTheGrace() throws Exception {
        TaskRunner runner = TaskRunner.virtual("stubborn-task", 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        runner.submit(() -> {
            started.countDown();
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException ignored) {
                    // keeps waiting
                }
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        TaskRunner.Stopped stopped = runner.stop(Duration.ZERO, Duration.ofMillis(50));

        assertThat(stopped.ignoringInterrupt()).containsExactly("stubborn-task");
        release.countDown();
    }

    @Test
    void aStopWithinTheBudgetInterruptsNothing() {
        TaskRunner runner = TaskRunner.virtual("test-task", 1);
        runner.submit(task("quick", null));
        assertThat(runner.stop(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isEqualTo(new TaskRunner.Stopped(true, 0, 0, List.of()));
        assertThat(events).containsExactly("quick");
    }

    @Test
    void aThreadThatCannotStartFailsTheSubmitAndLeavesNothingBehind() {
        TaskRunner runner = TaskRunner.of(r -> {
            throw new IllegalStateException("no threads");
        }, 1);
        assertThatThrownBy(() -> runner.submit(task("x", null))).hasMessageContaining("no threads");
        assertThat(runner.size()).isZero();
    }

    private TaskRunner.Task blocking(String name, CountDownLatch running, CountDownLatch interrupted) {
        return new TaskRunner.Task() {
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
                events.add("abandoned " + name);
            }
        };
    }

    private TaskRunner.Task task(String name, CountDownLatch waitFor) {
        return new TaskRunner.Task() {
            @Override
            public void run() {
                try {
                    if (waitFor != null) {
                        waitFor.await();
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
