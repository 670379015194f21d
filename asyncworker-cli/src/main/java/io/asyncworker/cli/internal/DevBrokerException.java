package io.asyncworker.cli.internal;

/** No RabbitMQ can be had for a {@code --dev} run; the message says what to do. */
final class DevBrokerException extends Exception {

    DevBrokerException(String message) {
        super(message);
    }
}
