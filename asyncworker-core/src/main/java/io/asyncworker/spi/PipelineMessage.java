package io.asyncworker.spi;

import io.asyncworker.Action;
import io.asyncworker.Message;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A base for a backend's user-facing message class: the decision methods forward to the
 * pipeline's {@link MessageControl}, and the accessors every message has (body, raw bytes, headers,
 * delivery count) read the {@link Inbound} it was made from, so a backend writes only the accessors
 * of its own. A backend's message interface declares those of these it shows its users; the class
 * inherits their implementation.
 *
 * <pre>{@code
 * final class KafkaRecord extends PipelineMessage implements KafkaMessage {
 *     KafkaRecord(RecordInbound record, MessageControl control) { super(record, control); ... }
 *     public int partition() { return record.partition(); }
 * }
 * }</pre>
 *
 * <p>Thread-safe as {@link Message} says.
 */
public abstract class PipelineMessage implements Message {
    private final Inbound inbound;
    private final MessageControl control;

    /**
     * Wraps the backend's form of one message and the pipeline's control of it.
     *
     * @param inbound the backend's form of the message, as handed to the pipeline
     * @param control the pipeline's half of this message, given to the message factory
     */
    protected PipelineMessage(Inbound inbound, MessageControl control) {
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.control = Objects.requireNonNull(control, "control");
    }

    /**
     * The body decoded with the route's codec, once per type (see {@link MessageControl#body(Class)}).
     *
     * @param type the type to decode into
     * @param <T> the type
     * @return the decoded body
     * @throws io.asyncworker.DecodeException when the body is not a valid {@code type}
     */
    public <T> T body(Class<T> type) {
        return control.body(type);
    }

    /** {@return the body as UTF-8 text} */
    public String bodyAsString() {
        return new String(inbound.payload(), StandardCharsets.UTF_8);
    }

    /** {@return the body's bytes as received; not a copy, do not change them} */
    public byte[] bodyBytes() {
        return inbound.payload();
    }

    /** {@return the message's headers as received (empty when the source has none)} */
    public Map<String, Object> headers() {
        return inbound.headers();
    }

    /** {@return how many times this message was delivered, this time included (1 = first)} */
    public long deliveryCount() {
        return inbound.deliveryCount();
    }

    @Override
    public final void accept() {
        control.accept();
    }

    @Override
    public final void reject(boolean requeue) {
        control.reject(requeue);
    }

    @Override
    public final void retry() {
        control.retry();
    }

    @Override
    public final void park(String reason) {
        control.park(reason);
    }

    @Override
    public final Optional<Action> decision() {
        return control.decision();
    }

    /** {@return the inbound message's text, for logs} */
    @Override
    public String toString() {
        return inbound.toString();
    }
}
