package io.asyncworker.spi;

import java.nio.charset.StandardCharsets;

/** A message for pipeline tests: a number, its own inbound form and handler form in one. */
final class TestMessage extends PipelineMessage {
    final Inbound inbound;
    final int n;

    TestMessage(TestInbound inbound, MessageControl control) {
        super(inbound, control);
        this.inbound = inbound;
        this.n = inbound.n;
    }

    @Override
    public String toString() {
        return "m" + n;
    }

    /** The inbound side: number {@code n}, body text, delivery count, and a switchable "current". */
    static final class TestInbound implements Inbound {
        final int n;
        final String body;
        final long deliveryCount;
        final int attempt;
        volatile boolean current = true;

        TestInbound(int n) {
            this(n, Integer.toString(n), 1);
        }

        TestInbound(int n, String body, long deliveryCount) {
            this(n, body, deliveryCount, 1);
        }

        TestInbound(int n, String body, long deliveryCount, int attempt) {
            this.n = n;
            this.body = body;
            this.deliveryCount = deliveryCount;
            this.attempt = attempt;
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public byte[] payload() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public long deliveryCount() {
            return deliveryCount;
        }

        @Override
        public boolean isCurrent() {
            return current;
        }

        @Override
        public String source() {
            return "q";
        }

        @Override
        public String toString() {
            return "in" + n;
        }
    }
}
