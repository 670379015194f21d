package io.asyncworker.spi;

/** A message for pipeline tests: just a number. */
final class TestMessage extends AbstractMessage {
    final int n;

    TestMessage(int n) {
        this.n = n;
    }

    @Override
    public String toString() {
        return "m" + n;
    }
}
