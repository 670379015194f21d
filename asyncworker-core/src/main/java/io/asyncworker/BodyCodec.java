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
     * @param <T> the value type
     * @param body the encoded bytes
     * @param type the type to decode into
     * @return the decoded value, never {@code null}
     * @throws DecodeException when the bytes are not a valid {@code type}
     */
    <T> T decode(byte[] body, Class<T> type);

    /**
     * Encodes a value.
     *
     * @param value the value to encode
     * @return the encoded bytes
     * @throws IllegalArgumentException when the value cannot be encoded
     */
    byte[] encode(Object value);

    /** {@return the content type this codec writes, e.g. {@code application/json}} */
    String contentType();
}
