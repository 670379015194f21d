package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import io.asyncworker.rabbitmq.PublishException.Failure;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a publishing channel closed, and what becomes of each publish it had not confirmed yet: a
 * pure decision over the close reason, unit-tested without a broker. Immutable.
 *
 * <p>When the broker closes a channel for an error, it has handled the publishes sent before the
 * one that caused it and drops every later one unread (AMQP: after {@code channel.close} it
 * discards all but {@code close-ok}). Our rules:
 * <ul>
 *   <li>A publish sent alone on its channel owns the error: it fails with it.</li>
 *   <li>An error naming an exchange (404 no exchange, 403 internal exchange or no write access)
 *       fails the publishes to that exchange; the others did not cause it and are sent again.</li>
 *   <li>Any other channel error (406 for a message's content, a message over the broker's size
 *       limit) cannot be pinned on one publish: each one is sent again alone, so that the one
 *       that caused it fails by itself.</li>
 *   <li>A lost connection, or our own close, fails them as {@link Failure#UNCONFIRMED}: the
 *       broker may have taken them.</li>
 * </ul>
 * A publish sent again may arrive twice when the broker had taken it before the error (publishing
 * is at-least-once); one whose channel was lost {@value #MAX_LOSSES} times fails as unconfirmed.
 */
final class ChannelLoss {
    /** How many channel losses a publish survives before it fails as unconfirmed. */
    static final int MAX_LOSSES = 3;
    private static final Pattern EXCHANGE = Pattern.compile("exchange '([^']*)'");

    enum Kind { CLOSED_BY_US, CONNECTION_LOST, CHANNEL_ERROR }

    /** What becomes of one open publish. */
    enum Action { FAIL, RETRY, RETRY_ALONE }

    /** The decision for one publish; {@code failure} and {@code reason} only matter for FAIL. */
    record Decision(Action action, Failure failure, String reason) {
    }

    private final Kind kind;
    private final int code;
    private final String text;
    private final ShutdownSignalException cause;

    ChannelLoss(Kind kind, int code, String text, ShutdownSignalException cause) {
        this.kind = kind;
        this.code = code;
        this.text = text;
        this.cause = cause;
    }

    static ChannelLoss of(ShutdownSignalException s) {
        if (s.isInitiatedByApplication()) {
            return new ChannelLoss(Kind.CLOSED_BY_US, 0, "closed by the application", s);
        }
        if (s.getReason() instanceof AMQP.Channel.Close close) {
            return new ChannelLoss(Kind.CHANNEL_ERROR, close.getReplyCode(), close.getReplyText(), s);
        }
        if (s.getReason() instanceof AMQP.Connection.Close close) {
            return new ChannelLoss(Kind.CONNECTION_LOST, close.getReplyCode(), close.getReplyText(), s);
        }
        return new ChannelLoss(Kind.CONNECTION_LOST, 0, String.valueOf(s.getMessage()), s);
    }

    Kind kind() {
        return kind;
    }

    /** The underlying signal, for the exception's cause. */
    ShutdownSignalException cause() {
        return cause;
    }

    /** The exchange a channel error names, e.g. {@code no exchange 'x' in vhost '/'}; {@code amq.default} is {@code ""}. */
    Optional<String> exchange() {
        if (kind != Kind.CHANNEL_ERROR || (code != AMQP.NOT_FOUND && code != AMQP.ACCESS_REFUSED)) {
            return Optional.empty();
        }
        Matcher m = EXCHANGE.matcher(text);
        return m.find() ? Optional.of("amq.default".equals(m.group(1)) ? "" : m.group(1)) : Optional.empty();
    }

    /**
     * What becomes of an open publish.
     *
     * @param alone whether it was the only publish on its channel
     */
    Decision decide(PendingPublish p, boolean alone) {
        return switch (kind) {
            case CLOSED_BY_US -> unconfirmed("the publisher was closed before the broker confirmed it");
            case CONNECTION_LOST -> unconfirmed("the connection was lost before the broker confirmed it (" + describe()
                    + ")");
            case CHANNEL_ERROR -> channelError(p, alone);
        };
    }

    private Decision channelError(PendingPublish p, boolean alone) {
        Optional<String> named = exchange();
        if (alone || named.filter(p.message().exchange()::equals).isPresent()) {
            return ownError(p);
        }
        if (p.losses() + 1 >= MAX_LOSSES) {
            return unconfirmed("its channel was closed " + MAX_LOSSES + " times by errors of other publishes, the last: "
                    + describe());
        }
        return new Decision(named.isPresent() ? Action.RETRY : Action.RETRY_ALONE, null, null);
    }

    private Decision ownError(PendingPublish p) {
        boolean missing = code == AMQP.NOT_FOUND && exchange().filter(p.message().exchange()::equals).isPresent();
        return missing
                ? new Decision(Action.FAIL, Failure.EXCHANGE_NOT_FOUND, "exchange '" + p.message().exchange()
                        + "' does not exist (" + describe() + ")")
                : new Decision(Action.FAIL, Failure.REFUSED, "the broker closed the channel because of it ("
                        + describe() + ")");
    }

    private static Decision unconfirmed(String why) {
        return new Decision(Action.FAIL, Failure.UNCONFIRMED, why + "; it may or may not have been published");
    }

    /** The broker's reply code and text, or what happened. */
    String describe() {
        return code == 0 ? text : code + " " + text;
    }
}
