package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import io.asyncworker.BodyCodec;
import io.asyncworker.rabbitmq.PublishOptions;
import java.nio.charset.StandardCharsets;

/** Turns a published body into bytes and properties: text, raw bytes, or an object via the codec. */
public final class PublishBodies {
    private PublishBodies() {
    }

    /** A body ready to publish. */
    public record Encoded(byte[] bytes, AMQP.BasicProperties properties) {
    }

    /** Encodes the body; strings as UTF-8 {@code text/plain}, bytes as they are, the rest via the codec. */
    public static Encoded encode(Object body, PublishOptions options, BodyCodec codec) {
        if (body instanceof byte[] bytes) {
            return new Encoded(bytes, options.properties());
        }
        if (body instanceof String text) {
            return new Encoded(text.getBytes(StandardCharsets.UTF_8), properties(options, "text/plain; charset=utf-8"));
        }
        return new Encoded(codec.encode(body), properties(options, codec.contentType()));
    }

    /** The options' properties, with this content type unless the options set one. */
    private static AMQP.BasicProperties properties(PublishOptions options, String defaultContentType) {
        AMQP.BasicProperties props = options.properties();
        return props.getContentType() != null ? props : props.builder().contentType(defaultContentType).build();
    }
}
