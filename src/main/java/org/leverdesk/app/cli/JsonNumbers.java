package org.leverdesk.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Map;

/** Maps and lists as JSON the way {@code backtest --json} writes numbers: plain decimals, 10 digits, NaN as null. */
final class JsonNumbers {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNumbers() {
    }

    static JsonNode of(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = MAPPER.createObjectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), of(v)));
            return o;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode a = MAPPER.createArrayNode();
            list.forEach(v -> a.add(of(v)));
            return a;
        }
        if (value instanceof double[] array) {
            ArrayNode a = MAPPER.createArrayNode();
            for (double v : array) {
                a.add(of(v));
            }
            return a;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? MAPPER.getNodeFactory().numberNode(new BigDecimal(d).round(new MathContext(10))
                    .stripTrailingZeros()) : MAPPER.getNodeFactory().nullNode();
        }
        return MAPPER.valueToTree(value);
    }
}
