package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.rabbitmq.AmqpConnection;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class QueuesTest {

    @Test
    void anUnreachableBrokerIsNamedNotJustConnectionRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        AmqpConnection nowhere = AmqpConnection.url("amqp://guest:guest@127.0.0.1:" + port + "/");
        assertThatThrownBy(() -> Queues.declareDurable(nowhere, "items.rejected"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot declare queue 'items.rejected' on amqp://127.0.0.1:" + port + "/: ")
                .hasMessageContaining("Connection refused");
    }
}
