package org.leverdesk.research.advisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.leverdesk.research.ParameterCheck;

/**
 * The parameter changes an LLM proposed, parsed from the first JSON object in its answer
 * ({@code {"parameters": {"entryRsi": 25}, "reason": "...", "confidence": 0.6}}) and checked: only
 * parameters the strategy has, values the strategy accepts together with the unchanged ones. The LLM's
 * own confidence is kept for display only; the advisor measures its own.
 *
 * @param parameters the full parameter set after the changes
 * @param changes    only what the LLM changed
 */
public record LlmAnswer(SortedMap<String, String> parameters, SortedMap<String, String> changes, String reason,
                        double statedConfidence) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses and validates {@code answer} against the active {@code current} parameters.
     *
     * @throws IllegalArgumentException (one line) when there is no JSON object, an unknown parameter, or an invalid value
     */
    public static LlmAnswer parse(String answer, String strategyId, Map<String, String> current, Set<String> known,
                                  ParameterCheck check) {
        int start = answer == null ? -1 : answer.indexOf('{');
        int end = answer == null ? -1 : answer.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("the LLM's answer holds no JSON object with parameters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(answer.substring(start, end + 1));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the LLM's answer is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode p = root.path("parameters");
        if (!p.isObject()) {
            throw new IllegalArgumentException("the LLM's answer has no \"parameters\" object");
        }
        SortedMap<String, String> changes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException("the LLM suggested an unknown parameter '" + e.getKey() + "'; " + strategyId
                        + " has " + String.join(", ", new java.util.TreeSet<>(known)));
            }
            JsonNode v = e.getValue();
            if (!v.isValueNode() || v.isNull()) {
                throw new IllegalArgumentException("the LLM's value for " + e.getKey() + " is not a number, word or true/false");
            }
            String text = v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText().trim();
            if (!text.equals(current.get(e.getKey()))) {
                changes.put(e.getKey(), text);
            }
        }
        SortedMap<String, String> all = new TreeMap<>(current);
        all.putAll(changes);
        try {
            check.check(strategyId, all);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the LLM's parameters are invalid: " + e.getMessage(), e);
        }
        double stated = root.path("confidence").isNumber() ? root.path("confidence").asDouble() : Double.NaN;
        String reason = root.path("reason").asText("").strip();
        return new LlmAnswer(all, changes, reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason, stated);
    }
}
