package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.Action;
import io.asyncworker.test.TestBrokers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A session on a real channel, for the failure paths the broker never produces. */
class ChannelSessionIT {

    /** Regression: a failed settlement on a channel that stayed open left its messages unsettled for good. */
    @Test
    void aSettlementFailureOnAnOpenChannelGivesTheSessionUpAndSaysSo() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(TestBrokers.amqpUrl());
        try (Connection c = f.newConnection("aw-test-channel-session")) {
            Channel ch = c.createChannel();
            List<ChannelSession> broken = new CopyOnWriteArrayList<>();
            ChannelSession s = new ChannelSession(ch, 1, (session, e) -> broken.add(session));
            s.delivered(1);
            s.delivered(2);

            boolean sent = s.settle(new long[] {2, 1}, new Action[] {Action.ACK, Action.ACK}, 2);

            assertThat(sent).isFalse();
            assertThat(s.isValid()).isFalse();
            assertThat(broken).as("the owner is told, so it can replace the channel").containsExactly(s);
            assertThat(ch.isOpen()).isTrue();
            assertThat(s.settle(3, Action.ACK)).as("nothing more is sent on it").isFalse();
        }
    }
}
