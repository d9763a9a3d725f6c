package org.leverdesk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A config as a JSON tree, for editing by key. */
final class ConfigFileTree {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigFileTree() {
    }

    static JsonNode of(AppConfig config) {
        try {
            return MAPPER.readTree(ConfigFile.toJson(config));
        } catch (java.io.IOException e) {
            throw new ConfigException("cannot turn the config into JSON: " + e.getMessage(), e);
        }
    }
}
