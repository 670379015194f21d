package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.QueueDeclaration;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Queue checks and declarations, and the errors that explain them. */
final class Topology {
    private Topology() {
    }

    /** Declares the queue, or checks that it exists when the route does not declare. */
    static void prepare(Channel ch, String queue, QueueDeclaration declaration) throws IOException {
        if (declaration == null) {
            ch.queueDeclarePassive(queue);
        } else {
            ch.queueDeclare(queue, declaration.isDurable(), false, false, declaration.arguments());
        }
    }

    /** A one-line reason naming the route, queue and broker. */
    static String explain(String route, String queue, AmqpConnection conn, Exception e) {
        String reason = reason(e);
        if (reason.contains("NOT_FOUND") && reason.contains("queue")) {
            return "queue '" + queue + "' does not exist on " + conn.address() + " (route '" + route
                    + "'): create it, or let the route declare it with declare(QueueDeclaration...)";
        }
        if (reason.contains("PRECONDITION_FAILED")) {
            return "queue '" + queue + "' exists with other arguments than declared (route '" + route + "'): " + reason;
        }
        return "cannot consume queue '" + queue + "' (route '" + route + "'): " + reason;
    }

    /**
     * What the broker said (the close method's reply code and text), else the first message in the
     * cause chain: amqp-client's {@code IOException}s often carry none themselves.
     */
    static String reason(Throwable e) {
        ShutdownSignalException sig = signal(e);
        if (sig != null) {
            return String.valueOf(sig.getReason());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.toString();
    }

    /**
     * The broker's reply text when it closed the channel or connection (e.g. {@code PRECONDITION_FAILED -
     * inequivalent arg ...}), else {@link #reason(Throwable)}.
     */
    static String replyText(Throwable e) {
        ShutdownSignalException sig = signal(e);
        if (sig != null && sig.getReason() instanceof AMQP.Channel.Close close) {
            return close.getReplyText();
        }
        if (sig != null && sig.getReason() instanceof AMQP.Connection.Close close) {
            return close.getReplyText();
        }
        return reason(e);
    }

    private static ShutdownSignalException signal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s) {
                return s;
            }
        }
        return null;
    }

    static void closeQuietly(Channel ch) {
        try {
            if (ch.isOpen()) {
                ch.close();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            // already closing or closed by the broker
        }
    }
}
