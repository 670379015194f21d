package io.asyncworker.jackson.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the size limit a document broke, from the text of Jackson's
 * {@code StreamConstraintsException} (which has no structured fields). Stateless.
 */
final class Limits {
    private static final Pattern MAXIMUM = Pattern.compile("maximum allowed \\((\\d+)");

    private Limits() {
    }

    /** E.g. {@code a number is too long (more than 1000 digits)}. */
    static String describe(String jacksonMessage) {
        String text = jacksonMessage == null ? "" : jacksonMessage;
        String max = maximum(text);
        if (text.startsWith("Number value length")) {
            return "a number is too long" + more(max, "digits");
        }
        if (text.startsWith("String value length")) {
            return "a string is too long" + more(max, "characters");
        }
        if (text.startsWith("Name length") || text.startsWith("Name value length")) {
            return "a field name is too long" + more(max, "characters");
        }
        if (text.startsWith("Document nesting depth") || text.contains("nesting depth")) {
            return "the JSON is nested too deeply" + more(max, "levels");
        }
        return "the JSON is too large";
    }

    private static String maximum(String text) {
        Matcher m = MAXIMUM.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String more(String max, String unit) {
        return max.isEmpty() ? "" : " (more than " + max + " " + unit + ")";
    }
}
