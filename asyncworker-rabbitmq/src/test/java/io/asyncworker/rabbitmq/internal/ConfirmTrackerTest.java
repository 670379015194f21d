package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Return;
import io.asyncworker.rabbitmq.PublishException.Failure;
import io.asyncworker.rabbitmq.internal.ConfirmTracker.Settled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmTrackerTest {
    private static final AMQP.BasicProperties PROPS = new AMQP.BasicProperties();
    private final ConfirmTracker tracker = new ConfirmTracker();

    private PendingPublish add(long seq, String exchange, String key, String body, boolean mandatory) {
        PendingPublish p = PendingPublish.of(new Outgoing(exchange, key, mandatory, PROPS, bytes(body)));
        tracker.add(seq, p);
        return p;
    }

    private static Return returned(String exchange, String key, String body) {
        return new Return(312, "NO_ROUTE", exchange, key, new AMQP.BasicProperties(), bytes(body));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<Failure> failureOf(List<Settled> settled, PendingPublish p) {
        return settled.stream().filter(s -> s.publish() == p).findFirst().orElseThrow().rejection()
                .map(ConfirmTracker.Rejection::failure);
    }

    @Test
    void aReturnFailsThePublishWhoseConfirmFollowsItEvenWhenAnEarlierIdenticalOneIsStillUnconfirmed() {
        PendingPublish routedSlowly = add(1, "", "q", "same", true);
        PendingPublish unroutable = add(2, "", "q", "same", true);
        tracker.returned(returned("", "q", "same"));

        List<Settled> first = tracker.confirmed(2, false, false);
        assertThat(failureOf(first, unroutable)).contains(Failure.UNROUTABLE);
        assertThat(first.getFirst().rejection().orElseThrow().reason())
                .isEqualTo("unroutable: no queue named 'q' exists (the default exchange delivers to the queue the routing"
                        + " key names) (312 NO_ROUTE)");
        assertThat(failureOf(tracker.confirmed(1, false, false), routedSlowly)).isEmpty();
        assertThat(tracker.isEmpty()).isTrue();
    }

    @Test
    void aMultipleConfirmSettlesEveryCoveredPublishAndGivesTheReturnToTheNewestMatchingOne() {
        PendingPublish a = add(1, "x", "k", "same", true);
        PendingPublish b = add(2, "x", "other", "same", true);
        PendingPublish c = add(3, "x", "k", "same", true);
        PendingPublish later = add(4, "x", "k", "same", true);
        tracker.returned(returned("x", "k", "same"));

        List<Settled> settled = tracker.confirmed(3, true, false);
        assertThat(settled).extracting(Settled::publish).containsExactly(a, b, c);
        assertThat(failureOf(settled, a)).isEmpty();
        assertThat(failureOf(settled, b)).isEmpty();
        assertThat(failureOf(settled, c)).contains(Failure.UNROUTABLE);
        assertThat(tracker.size()).isEqualTo(1);
        assertThat(failureOf(tracker.confirmed(4, false, false), later)).isEmpty();
    }

    @Test
    void aReturnIsNeverGivenToANonMandatoryPublishOrOneWithAnotherBody() {
        PendingPublish notMandatory = add(1, "x", "k", "body", false);
        PendingPublish otherBody = add(2, "x", "k", "other", true);
        PendingPublish match = add(3, "x", "k", "body", true);
        tracker.returned(returned("x", "k", "body"));

        List<Settled> settled = tracker.confirmed(3, true, false);
        assertThat(failureOf(settled, notMandatory)).isEmpty();
        assertThat(failureOf(settled, otherBody)).isEmpty();
        assertThat(failureOf(settled, match)).contains(Failure.UNROUTABLE);
    }

    @Test
    void aNackRefusesEveryCoveredPublish() {
        PendingPublish a = add(1, "x", "k", "a", false);
        PendingPublish b = add(2, "x", "k", "b", false);
        List<Settled> settled = tracker.confirmed(2, true, true);
        assertThat(failureOf(settled, a)).contains(Failure.REFUSED);
        assertThat(failureOf(settled, b)).contains(Failure.REFUSED);
    }

    @Test
    void aReturnNoOpenPublishCanBeIsDroppedAsAnOrphan() {
        add(1, "x", "k", "a", true);
        tracker.returned(returned("x", "k", "a"));
        tracker.returned(returned("y", "k", "a"));
        assertThat(tracker.dropOrphanReturns()).extracting(Return::getExchange).containsExactly("y");
        assertThat(tracker.dropOrphanReturns()).isEmpty();
    }

    @Test
    void drainingALostChannelSeparatesReturnedPublishesFromOpenOnes() {
        PendingPublish open = add(1, "x", "k", "a", true);
        PendingPublish gone = add(2, "x", "k", "b", true);
        tracker.returned(returned("x", "k", "b"));

        ConfirmTracker.Drained drained = tracker.drain();
        assertThat(drained.open()).containsExactly(open);
        assertThat(drained.returned()).extracting(Settled::publish).containsExactly(gone);
        assertThat(tracker.isEmpty()).isTrue();
        assertThat(tracker.dropOrphanReturns()).isEmpty();
    }
}
