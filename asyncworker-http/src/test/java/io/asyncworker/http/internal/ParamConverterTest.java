package io.asyncworker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.http.HttpException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParamConverterTest {
    enum Size { SMALL, LARGE }

    @Test
    void convertsEverySupportedType() {
        UUID u = UUID.randomUUID();
        assertThat(ParamConverter.convert("path", "p", "x y", String.class)).isEqualTo("x y");
        assertThat(ParamConverter.convert("path", "p", "-7", int.class)).isEqualTo(-7);
        assertThat(ParamConverter.convert("path", "p", "7", Integer.class)).isEqualTo(7);
        assertThat(ParamConverter.convert("path", "p", "9000000000", long.class)).isEqualTo(9_000_000_000L);
        assertThat(ParamConverter.convert("path", "p", "2.5", double.class)).isEqualTo(2.5);
        assertThat(ParamConverter.convert("path", "p", "FALSE", boolean.class)).isFalse();
        assertThat(ParamConverter.convert("path", "p", u.toString(), UUID.class)).isEqualTo(u);
        assertThat(ParamConverter.convert("path", "p", "large", Size.class)).isEqualTo(Size.LARGE);
    }

    @Test
    void answers400NamingTheParameterAndTheExpectedType() {
        assertBad("12x", int.class, "bad query parameter 'p': '12x' is not an int");
        assertBad("99999999999999999999", long.class, "is not a long");
        assertBad("yes", boolean.class, "is not a boolean");
        assertBad("nope", UUID.class, "is not a UUID");
        assertBad("medium", Size.class, "is not one of SMALL, LARGE");
    }

    @Test
    void shortensLongValuesInTheMessage() {
        String huge = "x".repeat(500);
        assertThatThrownBy(() -> ParamConverter.convert("query", "p", huge, int.class))
                .hasMessageContaining("x".repeat(64) + "...'").hasMessageNotContaining("x".repeat(65));
    }

    @Test
    void rejectsUnsupportedTypesAsAProgrammingError() {
        assertThatThrownBy(() -> ParamConverter.convert("path", "p", "1", Map.class))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported parameter type");
    }

    private static void assertBad(String raw, Class<?> type, String message) {
        assertThatThrownBy(() -> ParamConverter.convert("query", "p", raw, type))
                .isInstanceOfSatisfying(HttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.details()).containsEntry("parameter", "p");
                })
                .hasMessageContaining(message);
    }
}
