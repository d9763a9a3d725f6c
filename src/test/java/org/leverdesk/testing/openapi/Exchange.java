package org.leverdesk.testing.openapi;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and the answer served to it, as a conformance check sees them. Query values are
 * decoded; bodies are raw bytes (empty when there was none); {@code status} is -1 when no answer was sent.
 */
public record Exchange(String method, String path, Map<String, List<String>> query, String requestContentType,
                       byte[] requestBody, int status, String responseContentType, byte[] responseBody) {
    public Exchange {
        query = Map.copyOf(query);
        requestBody = requestBody == null ? new byte[0] : requestBody;
        responseBody = responseBody == null ? new byte[0] : responseBody;
    }

    /** Parses a raw query string ({@code a=1&b=x%20y}) into decoded values per name, in order. */
    public static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v);
        }
        return out;
    }

    /** "GET /v2/orders?status=open → 200", for messages. */
    public String describe() {
        StringBuilder q = new StringBuilder();
        query.forEach((k, vs) -> vs.forEach(v -> q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(v)));
        return method + " " + path + q + " -> " + status;
    }
}
