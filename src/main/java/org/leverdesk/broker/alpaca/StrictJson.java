package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.leverdesk.broker.MalformedBrokerAnswerException;

/**
 * Reads the fields of one JSON object of a broker answer, strictly: a required field that is missing,
 * null, blank or not of its type throws a {@link MalformedBrokerAnswerException} naming the endpoint
 * and the field's path (e.g. {@code [2].qty}); an optional field may be absent or null but, when
 * present, must be well formed too. Alpaca sends money and quantities as decimal strings; plain JSON
 * numbers are taken as well.
 */
final class StrictJson {
    private final String endpoint;
    private final String path;
    private final JsonNode node;

    private StrictJson(String endpoint, String path, JsonNode node) {
        this.endpoint = endpoint;
        this.path = path;
        this.node = node;
    }

    /** The object {@code node} of the answer to {@code endpoint}, at {@code path} ("" for the whole body). */
    static StrictJson object(String endpoint, String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MalformedBrokerAnswerException(endpoint, path, "is " + kind(node) + ", not a JSON object");
        }
        if (node.isEmpty()) {
            throw new MalformedBrokerAnswerException(endpoint, path, "is an empty object {}");
        }
        return new StrictJson(endpoint, path, node);
    }

    /** The answer to {@code endpoint} as a JSON array. */
    static JsonNode array(String endpoint, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new MalformedBrokerAnswerException(endpoint, "", "is " + kind(node) + ", not a JSON array");
        }
        return node;
    }

    String endpoint() {
        return endpoint;
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw fail(field, "is " + (v == null ? "missing" : "null"));
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw fail(field, "is " + describe(v) + ", not a non-empty string");
        }
        return v.asText();
    }

    String optionalText(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw fail(field, "is " + describe(v) + ", not a string");
        }
        return v.asText();
    }

    /** A required string that must be one of {@code allowed}. */
    String oneOf(String field, Set<String> allowed) {
        String v = text(field);
        if (!allowed.contains(v)) {
            throw fail(field, "is '" + v + "', not one of " + allowed);
        }
        return v;
    }

    BigDecimal decimal(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw fail(field, "is " + (v == null ? "missing" : "null"));
        }
        return parseDecimal(field, v);
    }

    BigDecimal optionalDecimal(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : parseDecimal(field, v);
    }

    boolean optionalBoolean(String field, boolean absent) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw fail(field, "is " + describe(v) + ", not true or false");
        }
        return v.asBoolean();
    }

    boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw fail(field, "is " + (v == null ? "missing" : describe(v)) + ", not true or false");
        }
        return v.asBoolean();
    }

    Instant time(String field) {
        Instant t = optionalTime(field);
        if (t == null) {
            throw fail(field, "is " + (node.has(field) ? "null" : "missing"));
        }
        return t;
    }

    Instant optionalTime(String field) {
        String v = optionalText(field);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw fail(field, "is '" + v + "', not an RFC 3339 time");
        }
    }

    /** A failure of this object's {@code field}, with what is wrong. */
    MalformedBrokerAnswerException fail(String field, String problem) {
        return new MalformedBrokerAnswerException(endpoint, path.isEmpty() ? field : path + "." + field, problem);
    }

    private BigDecimal parseDecimal(String field, JsonNode v) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        String text = v.isTextual() ? v.asText().trim() : null;
        if (text == null || text.isEmpty()) {
            throw fail(field, "is " + describe(v) + ", not a number");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw fail(field, "is '" + v.asText() + "', not a number");
        }
    }

    private static String describe(JsonNode v) {
        return v.isTextual() ? "'" + v.asText() + "'" : kind(v) + " " + v;
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "missing";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not JSON data";
        };
    }
}
