package io.asyncworker.bench.rabbit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The decoded message body: every contender decodes each body into this record with Jackson. */
public record Item(long id, String name, double price, List<String> tags, String payload) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A JSON object of exactly {@code size} bytes that decodes into an Item. */
    public static byte[] sample(int size) {
        return Broker.body(1, size);
    }

    /** Decode with a shared plain ObjectMapper (the reference contenders' way). */
    public static Item decode(byte[] body) {
        try {
            return MAPPER.readValue(body, Item.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
