package io.asyncworker.sse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.spi.ManualTimerService;
import io.asyncworker.sse.SseListener;
import io.asyncworker.sse.SseStreamControl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamEventsTest {
    private static final SseStreamControl CONTROL = new SseStreamControl() {
        @Override
        public String route() {
            return "r";
        }

        @Override
        public String url() {
            return "http://h/s";
        }

        @Override
        public Optional<String> lastEventId() {
            return Optional.empty();
        }

        @Override
        public void restart() {
        }
    };

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    /** Records each call with its thread kind; an onError for "block" blocks until released. */
    private final SseListener recording = new SseListener() {
        @Override
        public void onOpen(SseStreamControl stream) {
            record("open " + stream.url());
        }

        @Override
        public void onClosed(SseStreamControl stream, String reason) {
            record("closed " + reason);
        }

        @Override
        public void onError(SseStreamControl stream, String reason) throws Exception {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                calls.add("error " + reason);
                if (reason.equals("block")) {
                    release.await(10, TimeUnit.SECONDS);
                }
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public void onComment(SseStreamControl stream, String comment) {
            if (comment.equals("throw")) {
                throw new IllegalStateException("listener bug");
            }
            record("comment " + comment);
        }

        private void record(String call) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            calls.add(call + (Thread.currentThread().isVirtual() ? "" : " NOT VIRTUAL"));
            running.decrementAndGet();
        }
    };

    private final StreamEvents events = new StreamEvents(Optional.of(recording), CONTROL, new ManualTimerService());

    @Test
    void callsRunOnVirtualThreadsOneAtATimeInOrder() {
        events.error("block");
        events.opened();
        events.comment("hi");
        events.lost(Loss.FAILED, "lost", true);
        events.lost(Loss.ENDED, "ended", true);
        events.lost(Loss.REQUEUED, "requeued while connecting", false);

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 1);
        assertThat(calls).containsExactly("error block");   // the rest wait behind the blocked call
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 6);
        assertThat(calls).containsExactly("error block", "open http://h/s", "comment hi", "error lost", "closed lost",
                "closed ended");
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aThrowingListenerDoesNotStopLaterCalls() {
        events.comment("throw");
        events.comment("after");
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("comment after"));
    }

    @Test
    void commentsBeyondTheWaitingLimitAreDroppedButLifecycleCallsAreNot() {
        events.error("block");
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 1);
        for (int i = 0; i < StreamEvents.MAX_WAITING + 500; i++) {
            events.comment(Integer.toString(i));
        }
        events.opened();
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.contains("open http://h/s"));
        assertThat(calls.stream().filter(c -> c.startsWith("comment"))).hasSize(StreamEvents.MAX_WAITING);
        assertThat(calls.getLast()).isEqualTo("open http://h/s");
    }
}
