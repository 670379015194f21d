package io.asyncworker.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.asyncworker.BodyCodec;
import io.asyncworker.DecodeException;
import io.asyncworker.jackson.internal.DecodeErrors;
import io.asyncworker.jackson.internal.SlotRecyclerPool;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link BodyCodec}: JSON through Jackson. Dates are ISO-8601 strings; unknown
 * properties are ignored so that producers can add fields without breaking consumers.
 *
 * <p>Thread-safe. {@code byte[]} and {@code String} pass through unchanged on both sides.
 */
public final class JacksonCodec implements BodyCodec {
    /** The idle buffer recyclers of every default mapper: a few per core is plenty. */
    private static final SlotRecyclerPool RECYCLERS =
            SlotRecyclerPool.of(Math.max(16, 4 * Runtime.getRuntime().availableProcessors()));
    private static final JacksonCodec DEFAULT = new JacksonCodec(defaultMapper());
    private final ObjectMapper mapper;
    /** One reader per target type: {@code mapper.readValue(body, type)} resolves the type on every call. */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private JacksonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@return the shared codec with the default mapper} */
    public static JacksonCodec json() {
        return DEFAULT;
    }

    /**
     * {@return a codec over the caller's mapper, which must not be reconfigured afterwards}
     *
     * @param mapper the Jackson mapper
     */
    public static JacksonCodec using(ObjectMapper mapper) {
        return new JacksonCodec(Objects.requireNonNull(mapper, "mapper"));
    }

    /**
     * {@return a new mapper configured as the default codec's} Its buffers are recycled through a bounded
     * lock-free pool shared by all threads: Jackson's default keeps them per thread, which on virtual
     * threads (one per batch or request here) means two fresh buffers for every call.
     */
    public static ObjectMapper defaultMapper() {
        JsonFactory factory = JsonFactory.builder().recyclerPool(RECYCLERS).build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** {@return the mapper behind this codec} */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A JSON {@code null} is not a valid value of any type here. The exception's message names
     * the problem as a client would see it, e.g. {@code field "price": expected a number, got "ab"
     * (line 1, column 10)}: the field, the JSON expected and found and the position, never a Java
     * class, a Jackson token or the body itself; Jackson's own exception is its cause.
     */
    @Override
    public <T> T decode(byte[] body, Class<T> type) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(type, "type");
        if (type == byte[].class) {
            return type.cast(body);
        }
        if (type == String.class) {
            return type.cast(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        T value;
        try {
            value = reader(type).readValue(body);
        } catch (IOException e) {
            throw new DecodeException(DecodeErrors.describe(e), e);
        }
        if (value == null) {
            throw new DecodeException(DecodeErrors.nullFor(type), null);
        }
        return value;
    }

    private ObjectReader reader(Class<?> type) {
        ObjectReader reader = readers.get(type);
        return reader != null ? reader : readers.computeIfAbsent(type, mapper::readerFor);
    }

    @Override
    public byte[] encode(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String contentType() {
        return "application/json";
    }
}
