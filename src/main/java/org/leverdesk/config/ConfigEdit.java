package org.leverdesk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Changes a config by dotted keys, as {@code leverdesk config set KEY=VALUE} and {@code unset KEY} name
 * them: {@code broker.kind}, {@code risk.tolerancePercent}, {@code risk.limits.maxOrdersPerDay},
 * {@code strategies.regime.enabled}, {@code strategies.regime.parameters.holdDays},
 * {@code notifications.telegramChatId}. A strategy named for the first time is added; values are typed
 * as the setting expects (numbers, true/false, text; strategy parameters always text). The result is
 * parsed and checked like a file, so an edit that makes the config invalid is refused before anything
 * is written.
 */
public final class ConfigEdit {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigEdit() {
    }

    /** {@code config} with {@code key} set to {@code value} (empty: removed), not yet checked. */
    public static AppConfig set(AppConfig config, String key, String value) {
        ObjectNode tree = (ObjectNode) ConfigFileTree.of(config);
        List<String> path = path(key);
        if (value == null || value.isEmpty()) {
            remove(tree, path, key);
        } else {
            put(tree, path, key, value);
        }
        return ConfigFile.fromTree(tree, key);
    }

    /** {@code config} without {@code key} (a strategy, a parameter, a setting back to its default). */
    public static AppConfig unset(AppConfig config, String key) {
        return set(config, key, "");
    }

    private static List<String> path(String key) {
        if (key == null || key.isBlank() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw new ConfigException("'" + key + "' is not a setting; write e.g. risk.tolerancePercent or"
                    + " strategies.regime.enabled");
        }
        return Arrays.asList(key.strip().split("\\."));
    }

    private static void put(ObjectNode root, List<String> path, String key, String value) {
        ObjectNode node = root;
        boolean parameters = false;
        for (int i = 0; i < path.size() - 1; i++) {
            String name = path.get(i);
            if (i == 0 && name.equals("strategies")) {
                node = strategy(root, path.get(++i), true, key);
                if (i == path.size() - 1) {
                    throw new ConfigException("'" + key + "' names a strategy, not one of its settings; write e.g. " + key
                            + ".enabled=true");
                }
                continue;
            }
            parameters = name.equals("parameters");
            JsonNode child = node.get(name);
            if (child == null || child.isNull()) {
                child = node.putObject(name);
            }
            if (!child.isObject()) {
                throw new ConfigException("'" + key + "': " + name + " is a single value, not a group of settings");
            }
            node = (ObjectNode) child;
        }
        String last = path.get(path.size() - 1);
        node.set(last, parameters ? NODES.textNode(value) : typed(value));
    }

    private static void remove(ObjectNode root, List<String> path, String key) {
        if (path.get(0).equals("strategies") && path.size() == 2) {
            ArrayNode list = strategies(root);
            for (int i = 0; i < list.size(); i++) {
                if (path.get(1).equals(list.get(i).path("strategyId").asText())) {
                    list.remove(i);
                    return;
                }
            }
            throw new ConfigException("'" + key + "': no strategy " + path.get(1) + " is configured");
        }
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            if (i == 0 && path.get(0).equals("strategies")) {
                node = strategy(root, path.get(++i), false, key);
                continue;
            }
            node = node.path(path.get(i));
        }
        if (node instanceof ObjectNode o) {
            o.remove(path.get(path.size() - 1));
        }
    }

    private static ArrayNode strategies(ObjectNode root) {
        JsonNode list = root.get("strategies");
        if (list == null || !list.isArray()) {
            return root.putArray("strategies");
        }
        return (ArrayNode) list;
    }

    private static ObjectNode strategy(ObjectNode root, String id, boolean create, String key) {
        ArrayNode list = strategies(root);
        for (JsonNode s : list) {
            if (id.equals(s.path("strategyId").asText())) {
                return (ObjectNode) s;
            }
        }
        if (!create) {
            throw new ConfigException("'" + key + "': no strategy " + id + " is configured");
        }
        ObjectNode added = list.addObject();
        added.put("strategyId", id);
        added.put("enabled", false);
        return added;
    }

    /** true/false, a number, or text; the config's own parsing then says when the type is wrong. */
    private static JsonNode typed(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(v));
        }
        if (v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            BigDecimal d = new BigDecimal(v);
            return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0 && !v.contains(".")
                    && !v.toLowerCase().contains("e") ? NODES.numberNode(d.intValue()) : NODES.numberNode(d);
        }
        return NODES.textNode(value);
    }
}
