package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import io.asyncworker.rabbitmq.PublishException.Failure;
import io.asyncworker.rabbitmq.internal.ChannelLoss.Action;
import io.asyncworker.rabbitmq.internal.ChannelLoss.Decision;
import io.asyncworker.rabbitmq.internal.ChannelLoss.Kind;
import org.junit.jupiter.api.Test;

class ChannelLossTest {
    private static final AMQP.BasicProperties PROPS = new AMQP.BasicProperties();

    private static PendingPublish to(String exchange) {
        return PendingPublish.of(new Outgoing(exchange, "k", false, PROPS, new byte[0]));
    }

    private static ChannelLoss channelError(int code, String text) {
        return new ChannelLoss(Kind.CHANNEL_ERROR, code, text, null);
    }

    @Test
    void aMissingExchangeFailsOnlyThePublishesToItAndSendsTheOthersAgain() {
        ChannelLoss loss = channelError(404, "NOT_FOUND - no exchange 'gone' in vhost '/'");
        assertThat(loss.exchange()).contains("gone");
        Decision own = loss.decide(to("gone"), false);
        assertThat(own.action()).isEqualTo(Action.FAIL);
        assertThat(own.failure()).isEqualTo(Failure.EXCHANGE_NOT_FOUND);
        assertThat(own.reason()).isEqualTo("exchange 'gone' does not exist (404 NOT_FOUND - no exchange 'gone' in vhost '/')");
        assertThat(loss.decide(to(""), false).action()).isEqualTo(Action.RETRY);
        assertThat(loss.decide(to("other"), false).action()).isEqualTo(Action.RETRY);
    }

    @Test
    void anInternalOrForbiddenExchangeRefusesThePublishesToIt() {
        ChannelLoss internal = channelError(403, "ACCESS_REFUSED - cannot publish to internal exchange 'in' in vhost '/'");
        assertThat(internal.decide(to("in"), false).failure()).isEqualTo(Failure.REFUSED);
        assertThat(internal.decide(to("x"), false).action()).isEqualTo(Action.RETRY);
        ChannelLoss defaultExchange = channelError(403, "ACCESS_REFUSED - access to exchange 'amq.default' in vhost '/' "
                + "refused for user 'u'");
        assertThat(defaultExchange.exchange()).contains("");
        assertThat(defaultExchange.decide(to(""), false).failure()).isEqualTo(Failure.REFUSED);
    }

    @Test
    void anErrorNoExchangeExplainsSendsEveryPublishAgainAloneAndFailsThePublishThatWasAlone() {
        ChannelLoss loss = channelError(406, "PRECONDITION_FAILED - invalid message: {unacceptable_type_in_header,\"CC\",longstr}");
        assertThat(loss.exchange()).isEmpty();
        assertThat(loss.decide(to("x"), false).action()).isEqualTo(Action.RETRY_ALONE);
        Decision alone = loss.decide(to("x"), true);
        assertThat(alone.failure()).isEqualTo(Failure.REFUSED);
        assertThat(alone.reason()).startsWith("the broker closed the channel because of it (406 PRECONDITION_FAILED");
    }

    @Test
    void aPublishWhoseChannelWasLostTooOftenFailsAsUnconfirmed() {
        PendingPublish p = to("x");
        for (int i = 0; i < ChannelLoss.MAX_LOSSES - 1; i++) {
            p = p.lostOnce();
        }
        Decision d = channelError(406, "PRECONDITION_FAILED - whatever").decide(p, false);
        assertThat(d.failure()).isEqualTo(Failure.UNCONFIRMED);
        assertThat(d.reason()).endsWith("it may or may not have been published");
    }

    @Test
    void aLostConnectionOrOurOwnCloseFailsEveryPublishAsUnconfirmed() {
        Decision lost = new ChannelLoss(Kind.CONNECTION_LOST, 320, "CONNECTION_FORCED - closed via management", null)
                .decide(to("x"), false);
        assertThat(lost.failure()).isEqualTo(Failure.UNCONFIRMED);
        assertThat(lost.reason()).contains("connection was lost").contains("320 CONNECTION_FORCED");
        Decision ours = new ChannelLoss(Kind.CLOSED_BY_US, 0, "closed", null).decide(to("x"), true);
        assertThat(ours.failure()).isEqualTo(Failure.UNCONFIRMED);
    }
}
