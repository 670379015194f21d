package io.asyncworker.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.asyncworker.DecodeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Decode failures name the field, the JSON expected and found, and the position: never Java or Jackson internals. */
class DecodeErrorsTest {
    /** What a hostile client must never read: a class name, a nested class, a Jackson token or constraint, a frame. */
    static final String INTERNALS = "[A-Za-z]+\\.[A-Za-z]+\\$|Json(Token|Parser)|\\.java:|StreamReadConstraints|`|jackson";

    record Tag(String label, long n) {
    }

    enum Color { RED, GREEN }

    record Item(String name, int qty, double price, List<Tag> tags, Instant at, Color color, UUID id,
                Map<String, Integer> counts, boolean ok) {
    }

    record Checked(int qty) {
        Checked {
            if (qty < 0) {
                throw new IllegalArgumentException("qty must not be negative");
            }
        }
    }

    private final JacksonCodec codec = JacksonCodec.json();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "null                              | expected an object, got null",
        "[]                                | expected an object, got an array (line 1, column 1)",
        "~\"text\"~                        | expected an object, got a string (line 1, column 1)",
        "~{\"price\":\"ab\"}~              | field \"price\": expected a number, got \"ab\" (line 1, column 10)",
        "~{\"qty\":\"x\"}~                 | field \"qty\": expected a whole number, got \"x\" (line 1, column 8)",
        "~{\"qty\":99999999999}~           | field \"qty\": expected a whole number from -2147483648 to 2147483647, got a number out of that range (line 1, column 19)",
        "~{\"tags\":[{\"n\":\"q\"}]}~      | field \"tags[0].n\": expected a whole number, got \"q\" (line 1, column 15)",
        "~{\"tags\":{}}~                   | field \"tags\": expected an array, got an object (line 1, column 9)",
        "~{\"at\":\"nope\"}~               | field \"at\": expected an ISO-8601 date or time string, got \"nope\" (line 1, column 7)",
        "~{\"color\":\"BLUE\"}~            | field \"color\": expected one of RED, GREEN, got \"BLUE\" (line 1, column 10)",
        "~{\"id\":\"zz\"}~                 | field \"id\": expected a UUID string, got \"zz\" (line 1, column 7)",
        "~{\"counts\":{\"a\":\"b\"}}~      | field \"counts.a\": expected a whole number, got \"b\" (line 1, column 16)",
        "~{\"ok\":\"yes\"}~                | field \"ok\": expected true or false, got \"yes\" (line 1, column 7)",
        "~{\"name\":{}}~                   | field \"name\": expected a string, got an object (line 1, column 9)",
        "~{\"name\": oops~                 | not valid JSON (line 1, column 14)",
        "~{\"name\": \"a\"~                | the JSON ends too early (line 1, column 13)",
        "~~                                | expected an object, got nothing",
    })
    void namesTheFieldTheExpectedAndFoundJsonAndThePosition(String body, String message) {
        assertThat(decodeError(body, Item.class)).hasMessage(message);
    }

    @Test
    void namesTooLongNumbersWithoutJacksonsConstraintNames() {
        String body = "{\"price\":" + "1".repeat(1200) + "}";
        assertThat(decodeError(body, Item.class)).hasMessage("a number is too long (more than 1000 digits)");
    }

    @Test
    void namesTooDeepNesting() {
        String body = "{\"counts\":" + "[".repeat(1200) + "]".repeat(1200) + "}";
        assertThat(decodeError(body, Item.class).getMessage()).doesNotContainPattern(INTERNALS);
    }

    @Test
    void namesAnUnknownFieldWhenTheMapperRejectsThem() {
        JacksonCodec strict = JacksonCodec.using(JacksonCodec.defaultMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        DecodeException e = catchThrowableOfType(DecodeException.class,
                () -> strict.decode(bytes("{\"label\":\"a\",\"extra\":1}"), Tag.class));
        assertThat(e).hasMessage("field \"extra\": unknown field (known fields: label, n) (line 1, column 24)");
    }

    @Test
    void passesOnTheReasonAConstructorRejectedTheValue() {
        assertThat(decodeError("{\"qty\":-1}", Checked.class))
                .hasMessage("invalid value: qty must not be negative (line 1, column 10)");
    }

    @Test
    void aJsonNullIsNotAValueOfAnyDeclaredType() {
        assertThat(decodeError("null", Integer.class)).hasMessage("expected a whole number, got null");
        assertThat(decodeError("null", List.class)).hasMessage("expected an array, got null");
    }

    @Test
    void messagesNeverCarryJavaOrJacksonInternals() {
        for (String body : List.of("[]", "{\"tags\":{}}", "{\"color\":1.5e400}", "{\"at\":[]}", "{\"qty\":true}", "{", "x")) {
            assertThat(decodeError(body, Item.class).getMessage()).as(body).doesNotContainPattern(INTERNALS);
        }
    }

    private DecodeException decodeError(String body, Class<?> type) {
        return catchThrowableOfType(DecodeException.class, () -> codec.decode(bytes(body), type));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
