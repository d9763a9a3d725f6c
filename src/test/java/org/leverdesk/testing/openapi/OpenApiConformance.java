package org.leverdesk.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds HTTP exchanges to one or more OpenAPI documents: the operation exists, query and path
 * parameters are declared and valid for their schemas (unknown or missing required ones are
 * mismatches), the request body matches the request schema, the status code is one the operation
 * declares, and the response body matches that status's schema (enums, required fields, types,
 * formats). Generic: any fake server can be checked by handing it {@link Exchange}s, most easily
 * through {@link ConformanceFilter}.
 *
 * <p>Where a specification is silent the checker follows a written policy (decision record 0003):
 * <ul>
 *   <li>error statuses an operation does not declare ({@link #SILENT_ERROR_STATUSES}) are allowed, and
 *       every error body, declared or not, must be Alpaca's error object {@code {code, message}}
 *       (the Trading spec's {@code Error} schema), or empty;</li>
 *   <li>a {@code format} on a parameter is an annotation (JSON Schema 2020-12's default), because Alpaca
 *       documents dates where the schema says date-time; formats in bodies are asserted;</li>
 *   <li>array query parameters are comma-separated lists, as Alpaca's own clients send them.</li>
 * </ul>
 */
public final class OpenApiConformance {
    /** Error statuses the specs leave out of most operations but Alpaca answers anywhere. */
    public static final Set<Integer> SILENT_ERROR_STATUSES = Set.of(400, 401, 403, 404, 405, 422, 429, 500, 502, 503);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode ERROR_SCHEMA;

    static {
        try {
            ERROR_SCHEMA = JSON.readTree("{\"type\":\"object\",\"required\":[\"code\",\"message\"],"
                    + "\"properties\":{\"code\":{\"type\":\"number\"},\"message\":{\"type\":\"string\"}}}");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final List<OpenApiSpec> specs;

    public OpenApiConformance(List<OpenApiSpec> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("give at least one OpenAPI document");
        }
        this.specs = List.copyOf(specs);
    }

    /** Alpaca's Trading and Market Data specifications (the copies under {@code alpaca-spec/}). */
    public static OpenApiConformance alpaca() {
        return new OpenApiConformance(List.of(OpenApiSpec.load("alpaca-spec/trading-openapi.yaml"),
                OpenApiSpec.load("alpaca-spec/data-openapi.yaml")));
    }

    /** Alpaca's Market Data specification alone (for a market-data fake). */
    public static OpenApiConformance alpacaMarketData() {
        return new OpenApiConformance(List.of(OpenApiSpec.load("alpaca-spec/data-openapi.yaml")));
    }

    /** Every way {@code exchange} departs from the specifications, one line each; empty when it conforms. */
    public List<String> check(Exchange exchange) {
        List<String> problems = new ArrayList<>();
        for (OpenApiSpec spec : specs) {
            Optional<Map.Entry<OpenApiSpec.Operation, Map<String, String>>> found = spec.find(exchange.method(), exchange.path());
            if (found.isPresent()) {
                check(spec, found.get().getKey(), found.get().getValue(), exchange, problems);
                return problems;
            }
        }
        problems.add("no operation " + exchange.method() + " " + exchange.path() + " in " + specs);
        return problems;
    }

    private void check(OpenApiSpec spec, OpenApiSpec.Operation op, Map<String, String> pathValues, Exchange ex,
                       List<String> problems) {
        checkParameters(spec, op, pathValues, ex, problems);
        checkRequestBody(spec, op, ex, problems);
        if (ex.status() >= 0) {
            checkResponse(spec, op, ex, problems);
        }
    }

    // ---- parameters ----

    private void checkParameters(OpenApiSpec spec, OpenApiSpec.Operation op, Map<String, String> pathValues, Exchange ex,
                                 List<String> problems) {
        Map<String, String> declared = new java.util.LinkedHashMap<>(); // "in:name" -> pointer of the parameter object
        collect(spec, op.pointer().substring(0, op.pointer().lastIndexOf('/')) + "/parameters", declared);
        collect(spec, op.pointer() + "/parameters", declared);
        for (Map.Entry<String, String> d : declared.entrySet()) {
            JsonNode param = spec.root().at(d.getValue());
            String in = param.path("in").asText();
            String name = param.path("name").asText();
            List<String> values = switch (in) {
                case "query" -> ex.query().get(name);
                case "path" -> pathValues.containsKey(name) ? List.of(pathValues.get(name)) : null;
                default -> null; // headers and cookies are not checked
            };
            if (values == null) {
                if (param.path("required").asBoolean(false) && (in.equals("query") || in.equals("path"))) {
                    problems.add(where(ex) + "required " + in + " parameter '" + name + "' is missing");
                }
                continue;
            }
            String schemaPointer = spec.resolvePointer(d.getValue() + "/schema");
            JsonNode schemaNode = spec.root().at(schemaPointer);
            if (schemaNode.isMissingNode()) {
                continue;
            }
            for (String raw : values) {
                JsonNode value = coerce(spec, schemaNode, raw);
                if (value == null) {
                    problems.add(where(ex) + in + " parameter '" + name + "' = '" + raw + "' is not a "
                            + spec.resolve(schemaNode).path("type").asText("value of its schema"));
                    continue;
                }
                for (Error e : validate(spec.schema(schemaPointer), value, false)) {
                    problems.add(where(ex) + in + " parameter '" + name + "' = '" + raw + "': " + e.getMessage());
                }
            }
        }
        Set<String> known = new java.util.HashSet<>();
        declared.keySet().stream().filter(k -> k.startsWith("query:")).forEach(k -> known.add(k.substring(6)));
        for (String q : ex.query().keySet()) {
            if (!known.contains(q)) {
                problems.add(where(ex) + "query parameter '" + q + "' is not in the specification (known: " + known + ")");
            }
        }
    }

    private static void collect(OpenApiSpec spec, String pointer, Map<String, String> out) {
        JsonNode list = spec.root().at(pointer);
        for (int i = 0; i < list.size(); i++) {
            String p = spec.resolvePointer(pointer + "/" + i);
            JsonNode param = spec.root().at(p);
            out.put(param.path("in").asText() + ":" + param.path("name").asText(), p);
        }
    }

    /** A query string value as the JSON its schema expects, or null when it cannot be one. */
    private static JsonNode coerce(OpenApiSpec spec, JsonNode schemaNode, String raw) {
        JsonNode schema = spec.resolve(schemaNode);
        String type = schema.path("type").isArray() ? firstNonNull(schema.path("type")) : schema.path("type").asText("string");
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            return switch (type) {
                case "integer" -> f.numberNode(new java.math.BigInteger(raw));
                case "number" -> f.numberNode(new java.math.BigDecimal(raw));
                case "boolean" -> raw.equals("true") || raw.equals("false") ? f.booleanNode(Boolean.parseBoolean(raw)) : null;
                case "array" -> {
                    ArrayNode a = f.arrayNode();
                    for (String item : raw.split(",", -1)) {
                        JsonNode v = coerce(spec, schema.path("items"), item);
                        if (v == null) {
                            yield null;
                        }
                        a.add(v);
                    }
                    yield a;
                }
                default -> f.textNode(raw);
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode t : types) {
            if (!t.asText().equals("null")) {
                return t.asText();
            }
        }
        return "string";
    }

    // ---- bodies ----

    private void checkRequestBody(OpenApiSpec spec, OpenApiSpec.Operation op, Exchange ex, List<String> problems) {
        String bodyPointer = spec.resolvePointer(op.pointer() + "/requestBody");
        JsonNode requestBody = spec.root().at(bodyPointer);
        boolean hasBody = ex.requestBody().length > 0;
        if (requestBody.isMissingNode()) {
            if (hasBody) {
                problems.add(where(ex) + "the operation takes no request body but one was sent");
            }
            return;
        }
        if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add(where(ex) + "the request body is required but none was sent");
            }
            return;
        }
        String schemaPointer = bodyPointer + "/content/" + OpenApiSpec.escape("application/json") + "/schema";
        if (spec.root().at(schemaPointer).isMissingNode()) {
            problems.add(where(ex) + "the request body is not JSON in the specification");
            return;
        }
        JsonNode body = parse(ex.requestBody(), where(ex) + "request body", problems);
        if (body != null) {
            validate(spec.schema(schemaPointer), body, true)
                    .forEach(e -> problems.add(where(ex) + "request body " + describe(e)));
        }
    }

    private void checkResponse(OpenApiSpec spec, OpenApiSpec.Operation op, Exchange ex, List<String> problems) {
        String responsesPointer = op.pointer() + "/responses";
        JsonNode responses = spec.root().at(responsesPointer);
        String key = String.valueOf(ex.status());
        String responsePointer = null;
        if (responses.has(key)) {
            responsePointer = spec.resolvePointer(responsesPointer + "/" + key);
        } else if (responses.has(key.charAt(0) + "XX")) {
            responsePointer = spec.resolvePointer(responsesPointer + "/" + key.charAt(0) + "XX");
        } else if (responses.has("default")) {
            responsePointer = spec.resolvePointer(responsesPointer + "/default");
        } else if (!SILENT_ERROR_STATUSES.contains(ex.status())) {
            problems.add(where(ex) + "status " + ex.status() + " is not among the declared " + fieldNames(responses)
                    + " nor an error status the policy allows");
            return;
        }
        String schemaPointer = responsePointer == null ? null
                : responsePointer + "/content/" + OpenApiSpec.escape("application/json") + "/schema";
        boolean declaredJson = schemaPointer != null && !spec.root().at(schemaPointer).isMissingNode();
        if (ex.status() >= 400 && !declaredJson) {
            // The spec is silent on error bodies: Alpaca's {code, message}, or nothing.
            if (ex.responseBody().length > 0) {
                JsonNode body = parse(ex.responseBody(), where(ex) + "error body", problems);
                if (body != null) {
                    validate(errorSchema(), body, true).forEach(e -> problems.add(where(ex) + "error body " + describe(e)));
                }
            }
            return;
        }
        if (!declaredJson) {
            if (ex.responseBody().length > 0) {
                problems.add(where(ex) + "the specification declares no body for status " + ex.status() + " but one was sent");
            }
            return;
        }
        if (ex.responseContentType() == null || !ex.responseContentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            problems.add(where(ex) + "Content-Type is '" + ex.responseContentType() + "', not application/json");
        }
        JsonNode body = parse(ex.responseBody(), where(ex) + "response body", problems);
        if (body == null) {
            return;
        }
        if (ex.status() == 207 && body.isArray()) {
            body = failedItemsWithoutBodies(body, ex, problems);
        }
        validate(spec.schema(schemaPointer), body, true).forEach(e -> problems.add(where(ex) + "response body " + describe(e)));
    }

    /**
     * In a 207 multi-status array an item whose own {@code status} is an error carries Alpaca's error
     * object as its {@code body}, where the spec only shows the success body (an Order): such a body is
     * checked against the error schema and left out of the item before the item is checked.
     */
    private static JsonNode failedItemsWithoutBodies(JsonNode array, Exchange ex, List<String> problems) {
        ArrayNode out = array.deepCopy();
        for (int i = 0; i < out.size(); i++) {
            JsonNode item = out.get(i);
            if (item.isObject() && item.path("status").isInt() && item.path("status").asInt() >= 400 && item.has("body")) {
                int index = i;
                validate(errorSchema(), item.get("body"), true)
                        .forEach(e -> problems.add(where(ex) + "error body of item " + index + " " + describe(e)));
                ((com.fasterxml.jackson.databind.node.ObjectNode) item).remove("body");
            }
        }
        return out;
    }

    private static Schema errorSchemaCache;

    private static synchronized Schema errorSchema() {
        if (errorSchemaCache == null) {
            errorSchemaCache = com.networknt.schema.SchemaRegistry.withDialect(com.networknt.schema.dialect.Dialects.getDraft202012())
                    .getSchema(ERROR_SCHEMA);
        }
        return errorSchemaCache;
    }

    private static List<Error> validate(Schema schema, JsonNode value, boolean assertFormats) {
        return schema.validate(value, ctx -> ctx.setExecutionConfig(ExecutionConfig.builder()
                .formatAssertionsEnabled(assertFormats).build()));
    }

    private static String describe(Error e) {
        String at = e.getInstanceLocation() == null ? "$" : e.getInstanceLocation().toString();
        String message = e.getMessage();
        return message.startsWith(at) ? message : at + ": " + message;
    }

    private static JsonNode parse(byte[] bytes, String what, List<String> problems) {
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(what + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static String where(Exchange ex) {
        return ex.describe() + ": ";
    }
}
