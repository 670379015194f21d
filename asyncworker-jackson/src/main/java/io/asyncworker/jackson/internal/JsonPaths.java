package io.asyncworker.jackson.internal;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Renders Jackson's path to a failing value as a client would write it: {@code tags[0].label}. Stateless. */
final class JsonPaths {
    private static final int LIMIT = 100;

    private JsonPaths() {
    }

    /** The path, empty for the document itself. */
    static String render(List<Reference> path) {
        StringBuilder out = new StringBuilder();
        for (Reference ref : path) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return DecodeErrors.truncate(out.toString(), LIMIT);
    }
}
