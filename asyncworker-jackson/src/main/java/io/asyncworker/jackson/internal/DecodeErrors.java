package io.asyncworker.jackson.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Turns Jackson's decoding exceptions into messages in a client's terms: which field, what JSON
 * was expected and found, where ({@code field "price": expected a number, got "ab" (line 1,
 * column 10)}), never a Java class name, a Jackson token or a stack frame. Stateless.
 */
public final class DecodeErrors {
    private static final int ECHO_LIMIT = 40;
    private static final int REASON_LIMIT = 120;
    private static final int LIST_LIMIT = 20;

    private DecodeErrors() {
    }

    /** The message for a JSON {@code null} where a value of {@code type} was expected. */
    public static String nullFor(Class<?> type) {
        return "expected " + JsonTypes.expected(type) + ", got null";
    }

    /** The message for a failed decode: the field (if any), the problem and the position (if known). */
    public static String describe(Exception e) {
        String field = e instanceof JsonMappingException m ? JsonPaths.render(m.getPath()) : "";
        String prefix = field.isEmpty() ? "" : "field \"" + field + "\": ";
        return prefix + problem(e) + position(e);
    }

    private static String problem(Exception e) {
        if (selfOrCause(e, StreamConstraintsException.class) instanceof StreamConstraintsException limit) {
            return Limits.describe(limit.getOriginalMessage());
        }
        if (selfOrCause(e, InputCoercionException.class) instanceof InputCoercionException coercion) {
            return outOfRange(coercion);
        }
        if (e instanceof JsonEOFException) {
            return "the JSON ends too early";
        }
        if (e instanceof JsonParseException) {
            return "not valid JSON";
        }
        return e instanceof JsonMappingException m ? mapping(m) : "the body could not be read";
    }

    /** The exception itself or its cause when of the type (databind wraps some core exceptions), else null. */
    private static Throwable selfOrCause(Exception e, Class<? extends Throwable> type) {
        return type.isInstance(e) ? e : type.isInstance(e.getCause()) ? e.getCause() : null;
    }

    private static String mapping(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field (known fields: " + list(u.getKnownPropertyIds()) + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + JsonTypes.expected(f.getTargetType()) + ", got " + echo(f.getValue());
        }
        if (e instanceof InvalidDefinitionException) {
            return "the expected type cannot be read from JSON (a problem on the server's side)";
        }
        if (e instanceof ValueInstantiationException) {
            return e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                    ? "invalid value: " + truncate(iae.getMessage(), REASON_LIMIT) : "invalid value";
        }
        if (e instanceof MismatchedInputException m) {
            return "expected " + JsonTypes.expected(m.getTargetType()) + ", got " + JsonTypes.found(token(m));
        }
        return "invalid value";
    }

    private static String outOfRange(InputCoercionException e) {
        Class<?> type = e.getTargetType();
        return "expected a whole number" + JsonTypes.range(type) + ", got a number out of that range";
    }

    private static com.fasterxml.jackson.core.JsonToken token(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
    }

    private static String position(Exception e) {
        JsonLocation at = e instanceof JsonProcessingException p ? p.getLocation() : null;
        if (at == null || at.getLineNr() < 1 || at.getColumnNr() < 1) {
            return "";
        }
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String echo(Object value) {
        if (value instanceof CharSequence s) {
            return "\"" + truncate(s.toString(), ECHO_LIMIT) + "\"";
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : "an unsuitable value";
    }

    private static String list(Collection<Object> names) {
        String shown = names.stream().limit(LIST_LIMIT).map(String::valueOf).sorted().collect(Collectors.joining(", "));
        return names.size() > LIST_LIMIT ? shown + ", ..." : shown;
    }

    static String truncate(String s, int limit) {
        return s.length() <= limit ? s : s.substring(0, limit) + "...";
    }
}
