package org.leverdesk.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One OpenAPI document (3.0 or 3.1, YAML or JSON) loaded from the test classpath: its operations by
 * path template, and JSON Schema validators for any schema in it, addressed by JSON pointer so that
 * {@code $ref}s resolve inside the document. Schemas are validated by networknt's json-schema-validator
 * in the document's own dialect (OpenAPI 3.0's {@code nullable}, OpenAPI 3.1's JSON Schema 2020-12).
 */
public final class OpenApiSpec {
    private static final Map<String, OpenApiSpec> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final String iri;
    private final JsonNode root;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** An operation of the document: the path template, the method and the operation object. */
    public record Operation(String template, String method, JsonNode pathItem, JsonNode node, String pointer) {
    }

    private record Template(String template, Pattern pattern, int literalLength) {
    }

    private OpenApiSpec(String resource) {
        this.name = resource;
        this.iri = "https://openapi.leverdesk.test/" + resource.replaceAll("[^A-Za-z0-9._/-]", "_");
        try (InputStream in = OpenApiSpec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no OpenAPI document " + resource + " on the test classpath");
            }
            root = resource.endsWith(".json") ? new ObjectMapper().readTree(in) : new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
        String version = root.path("openapi").asText("");
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var dialect = version.startsWith("3.0") ? Dialects.getOpenApi30() : Dialects.getOpenApi31();
        registry = SchemaRegistry.withDialect(dialect, b -> b.schemas(Map.of(iri, json)));
        root.path("paths").fieldNames().forEachRemaining(t -> templates.add(compile(t)));
        // A literal path (/v2/orders:by_client_order_id) wins over a template that also matches it (/v2/orders/{id}).
        templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
    }

    /** The document at {@code resource} on the test classpath (loaded once per JVM). */
    public static OpenApiSpec load(String resource) {
        return LOADED.computeIfAbsent(resource, OpenApiSpec::new);
    }

    public String name() {
        return name;
    }

    JsonNode root() {
        return root;
    }

    /** The operation serving {@code method} on the concrete {@code path}, with the path parameters it binds. */
    public Optional<Map.Entry<Operation, Map<String, String>>> find(String method, String path) {
        String m = method.toLowerCase(Locale.ROOT);
        for (Template t : templates) {
            Matcher matcher = t.pattern().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            JsonNode item = resolve(root.path("paths").path(t.template()));
            if (!item.has(m)) {
                continue;
            }
            Map<String, String> params = new java.util.LinkedHashMap<>();
            Matcher names = Pattern.compile("\\{([^}]+)}").matcher(t.template());
            int group = 1;
            while (names.find()) {
                params.put(names.group(1), java.net.URLDecoder.decode(matcher.group(group++), java.nio.charset.StandardCharsets.UTF_8));
            }
            String pointer = "/paths/" + escape(t.template()) + "/" + m;
            return Optional.of(Map.entry(new Operation(t.template(), m, item, item.get(m), pointer), params));
        }
        return Optional.empty();
    }

    /** Follows a local {@code $ref} (e.g. {@code #/components/parameters/start}) to the node it names. */
    JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 20 && n.has("$ref") && n.get("$ref").asText().startsWith("#/"); i++) {
            n = root.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    /** The pointer a node resolves to: {@code pointer} itself, or the target of its local {@code $ref}. */
    String resolvePointer(String pointer) {
        String p = pointer;
        for (int i = 0; i < 20; i++) {
            JsonNode n = root.at(p);
            if (!n.has("$ref") || !n.get("$ref").asText().startsWith("#/")) {
                return p;
            }
            p = n.get("$ref").asText().substring(1);
        }
        return p;
    }

    /** A validator for the schema at {@code pointer} (a JSON pointer into the document). */
    Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(iri + "#" + p)));
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static Template compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{[^}]+}").matcher(template);
        int last = 0;
        int literal = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            literal += m.start() - last;
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        literal += template.length() - last;
        return new Template(template, Pattern.compile(regex.toString()), literal);
    }

    @Override
    public String toString() {
        return "OpenApiSpec[" + name + "]";
    }
}
