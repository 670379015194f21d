package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Action;

/**
 * One settlement frame: {@code basic.ack}, {@code basic.nack} or {@code basic.reject} for a delivery
 * tag, with {@code multiple} set when it settles every unsettled tag up to this one.
 */
record AckOp(long tag, boolean multiple, Action action) {
}
