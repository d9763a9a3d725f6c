package org.leverdesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Journal details as JSON text. */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private JsonText() {
    }

    /** {@code value} as JSON (maps, lists, records). */
    public static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write journal details as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
