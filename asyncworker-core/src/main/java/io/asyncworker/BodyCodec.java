package io.asyncworker;

/**
 * Turns message bodies into objects and back; backends use one to implement
 * {@code body(Class)} and JSON publishing. The {@code asyncworker-jackson} module provides the
 * default, Jackson-based codec.
 *
 * <p>Implementations are thread-safe.
 */
public interface BodyCodec {

    /**
     * Decodes a body.
     *
     * @throws DecodeException when the bytes are not a valid {@code type}
     */
    <T> T decode(byte[] body, Class<T> type);

    /**
     * Encodes a value.
     *
     * @throws IllegalArgumentException when the value cannot be encoded
     */
    byte[] encode(Object value);

    /** The content type this codec writes, e.g. {@code application/json}. */
    String contentType();
}
