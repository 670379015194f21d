package io.asyncworker.spi;

import io.asyncworker.Action;
import io.asyncworker.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * A base for a backend's user-facing message class: the decision methods forward to the
 * pipeline's {@link MessageControl}, so a backend writes only its own accessors.
 *
 * <pre>{@code
 * final class KafkaRecord extends PipelineMessage implements KafkaMessage {
 *     KafkaRecord(Inbound record, MessageControl control) { super(control); ... }
 *     public <T> T body(Class<T> type) { return decode(type); }
 * }
 * }</pre>
 *
 * <p>Thread-safe as {@link Message} says.
 */
public abstract class PipelineMessage implements Message {
    private final MessageControl control;

    /**
     * Wraps the pipeline's control of one message.
     *
     * @param control the pipeline's half of this message, given to the message factory
     */
    protected PipelineMessage(MessageControl control) {
        this.control = Objects.requireNonNull(control, "control");
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

    /**
     * The body decoded with the route's codec (see {@link MessageControl#body(Class)}).
     *
     * @param <T> the type to decode into
     * @param type the class to decode into
     * @return the decoded body
     * @throws io.asyncworker.DecodeException when the body is not a valid {@code type}
     */
    protected final <T> T decode(Class<T> type) {
        return control.body(type);
    }
}
