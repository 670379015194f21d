package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.Action;
import io.asyncworker.test.TestBrokers;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
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

    /** Tags recorded without the lock pass through a ring of 1,024: more than that must all be known when settling. */
    @Test
    void moreDeliveriesThanTheRingHoldsAreAllSettledExactlyOnce() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(TestBrokers.amqpUrl());
        String queue = "aw-test-ring-" + UUID.randomUUID();
        int n = 2_500;
        try (Connection c = f.newConnection("aw-test-channel-session-ring")) {
            Channel ch = c.createChannel();
            ch.queueDeclare(queue, false, false, false, null);
            try {
                for (int i = 0; i < n; i++) {
                    ch.basicPublish("", queue, null, new byte[] {1});
                }
                ChannelSession s = new ChannelSession(ch, 1, (session, e) -> { });
                long[] tags = new long[n];
                for (int i = 0; i < n; i++) {
                    tags[i] = ch.basicGet(queue, false).getEnvelope().getDeliveryTag();
                    s.delivered(tags[i]);
                }
                assertThat(s.outstanding()).isEqualTo(n);

                Action[] acks = new Action[n];
                Arrays.fill(acks, Action.ACK);
                assertThat(s.settle(tags, acks, n)).isTrue();
                assertThat(s.outstanding()).isZero();
                assertThat(s.settle(tags[0], Action.ACK)).as("a settled tag is never sent twice").isTrue();
                ch.close();
                try (Channel check = c.createChannel()) {
                    assertThat(check.queueDeclarePassive(queue).getMessageCount()).as("every message acked").isZero();
                }
            } finally {
                try (Channel cleanup = c.createChannel()) {
                    cleanup.queueDelete(queue);
                }
            }
        }
    }
}
