package io.asyncworker.spi;

import io.asyncworker.Message;

/**
 * The core's half of one message in a pipeline, given to the backend's message factory: the
 * decision API the handler uses ({@link Message}) and the decoded body. Backends forward to it,
 * usually by extending {@link PipelineMessage}.
 *
 * <p>Thread-safe: the handler may decide from any thread while the pipeline seals.
 */
public interface MessageControl extends Message {

    /**
     * The body decoded into {@code type} with the route's codec; the route's declared body type is
     * decoded once before the handler runs and returned from then on.
     *
     * @param <T> the type to decode into
     * @param type the class to decode into
     * @return the decoded body
     * @throws io.asyncworker.DecodeException when the body is not a valid {@code type}
     */
    <T> T body(Class<T> type);
}
