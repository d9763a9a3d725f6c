package org.leverdesk.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns Jackson's errors about a config file into one line a trader can act on: the setting's dotted
 * name, what was found and what is expected, never Jackson's own token or class names
 * ({@code JsonToken.START_ARRAY}, {@code java.lang.Double}).
 */
final class ConfigJsonErrors {
    private ConfigJsonErrors() {
    }

    static String describe(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException bad && !(t instanceof JsonMappingException)) {
                return syntax(bad);
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            known.sort(null);
            return "unknown setting '" + path(u) + "'" + at(u)
                    + (known.isEmpty() ? "" : "; known here: " + String.join(", ", known));
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            String allowed = target != null && target.isEnum()
                    ? "; allowed: " + String.join(", ", Arrays.stream(target.getEnumConstants()).map(String::valueOf).toList())
                    : "; expected " + expected(target);
            return "'" + path(f) + "' cannot be " + quote(f.getValue()) + at(f) + allowed;
        }
        if (e instanceof MismatchedInputException m) {
            String given = given(m);
            String where = path(m).isEmpty() ? "the config" : "'" + path(m) + "'";
            return where + " must be " + expected(m.getTargetType()) + (given == null ? "" : ", not " + given) + at(m);
        }
        if (e instanceof JsonMappingException d && d.getCause() != null && d.getCause().getMessage() != null) {
            return (path(d).isEmpty() ? "" : "'" + path(d) + "': ") + d.getCause().getMessage().lines().findFirst().orElse("")
                    + at(d);
        }
        if (e instanceof JsonProcessingException p && !(e instanceof JsonMappingException)) {
            return syntax(p);
        }
        return e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static String syntax(JsonProcessingException p) {
        String first = p.getOriginalMessage() == null ? "" : p.getOriginalMessage().lines().findFirst().orElse("");
        // Jackson's parser names characters like "Unexpected character ('}' (code 125))": keep the character only.
        first = first.replaceAll(" \\(code \\d+\\)", "").replaceAll("\\(JSON String, Number, Array, Object or token"
                + " 'null', 'true' or 'false'\\)", "(a value)");
        return "not valid JSON" + at(p) + ": " + first;
    }

    // Jackson says what it found as "from Array value (token `JsonToken.START_ARRAY`)": keep the kind, in words.
    private static final java.util.regex.Pattern FOUND = java.util.regex.Pattern.compile("from (Array|Object|String"
            + "|Integer|Floating-point|Boolean|Null) value");

    private static String given(MismatchedInputException m) {
        java.util.regex.Matcher found = FOUND.matcher(String.valueOf(m.getOriginalMessage()));
        if (found.find()) {
            return switch (found.group(1)) {
                case "Array" -> "a list [...]";
                case "Object" -> "an object {...}";
                case "String" -> "text";
                case "Integer", "Floating-point" -> "a number";
                case "Boolean" -> "true/false";
                default -> "null";
            };
        }
        Object p = m.getProcessor();
        if (p instanceof com.fasterxml.jackson.core.JsonParser parser && parser.currentToken() != null) {
            return found(parser.currentToken());
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String at(JacksonException e) {
        JsonLocation l = e.getLocation();
        return l == null || l.getLineNr() < 1 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object of name: value pairs";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list [...]";
        }
        return "an object {...}";
    }

    private static String found(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list [...]";
            case START_OBJECT -> "an object {...}";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
