package org.leverdesk.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and writes {@code config.json}. Unknown settings are an error (a typo must not silently fall
 * back to a default); a write goes to a temporary file first and is moved into place, so a crash never
 * leaves half a config; a config with problems ({@link ConfigValidator}, the one check every entry point
 * uses) is neither loaded nor saved. Each error is one line naming the file, the setting, and the
 * {@code leverdesk config} command that fixes it.
 */
public final class ConfigFile {
    public static final String FILE_NAME = "config.json";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;

    public ConfigFile(Path file) {
        this.file = file;
    }

    /** The config file in the default per-user config folder. */
    public static ConfigFile inDefaultDirectory() {
        return new ConfigFile(ConfigDirectory.resolveDefault().resolve(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    /** The secrets that go with this file: the environment, then {@code secrets.properties} beside it. */
    public Secrets secrets() {
        return Secrets.beside(file);
    }

    /** True when the file exists (the first-run dialog is shown when it does not). */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The config, or empty when there is no file yet. */
    public Optional<AppConfig> loadIfPresent() {
        return exists() ? Optional.of(load()) : Optional.empty();
    }

    /** The config in the file, checked; a missing file gives the defaults. */
    public AppConfig load() {
        AppConfig config = read();
        List<ConfigProblem> problems = ConfigValidator.check(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(file + ": " + problems.get(0).text()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more: 'leverdesk config validate"
                    + configOption() + "' lists them)" : "")
                    + "; fix it with '" + fixCommand(problems.get(0)) + "' or in Settings");
        }
        return config;
    }

    /** The config in the file as written, not checked; a missing file gives the defaults. */
    public AppConfig read() {
        if (!exists()) {
            if (Files.exists(file)) {
                throw new ConfigException(file + " is not a file; pass the config file's path with --config");
            }
            return AppConfig.defaults();
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getMessage() + "); check that the file is readable", e);
        }
        return parse(text, file.toString());
    }

    /** Every problem of the file (a file that does not parse is one problem); empty when it is valid. */
    public List<ConfigProblem> problems() {
        AppConfig config;
        try {
            config = read();
        } catch (ConfigException e) {
            return List.of(new ConfigProblem("", e.getMessage(), "edit " + file));
        }
        return ConfigValidator.check(config);
    }

    /** Parses config JSON (not checked); {@code source} names it in errors. */
    public static AppConfig parse(String json, String source) {
        if (json.isBlank()) {
            throw new ConfigException(source + " is empty; delete it to start with the defaults, or run 'leverdesk init'");
        }
        AppConfig config;
        try {
            config = MAPPER.readValue(json, AppConfig.class);
        } catch (JacksonException e) {
            throw new ConfigException(source + " is not a valid Leverdesk config: " + ConfigJsonErrors.describe(e)
                    + "; fix it (see 'leverdesk config --help' and the README's config format) or move it away", e);
        }
        if (config == null) {
            throw new ConfigException(source + " holds no settings (null); delete it to start with the defaults");
        }
        return config;
    }

    /** The config a JSON tree describes after a change of {@code key}, not checked. */
    public static AppConfig fromTree(JsonNode tree, String key) {
        try {
            return MAPPER.treeToValue(tree, AppConfig.class);
        } catch (JacksonException e) {
            throw new ConfigException("cannot set " + key + ": " + ConfigJsonErrors.describe(e).replaceAll(" \\(line \\d+, column"
                    + " \\d+\\)", ""), e);
        }
    }

    /**
     * Only the broker settings, read as leniently as possible: an emergency exit needs to know which
     * account to close, not whether the strategies, risk values or notifications are valid. Unknown or
     * broken settings elsewhere are ignored; a missing file or a missing "broker" gives the paper broker.
     */
    public BrokerSettings brokerOnly() {
        if (!exists()) {
            return BrokerSettings.defaults();
        }
        JsonNode broker;
        try {
            broker = MAPPER.readTree(file.toFile()).path("broker");
        } catch (IOException e) {
            throw new ConfigException("cannot read the broker settings in " + file + " (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); name the account with --broker paper|alpaca-paper|alpaca-live", e);
        }
        if (broker.isMissingNode() || broker.isNull()) {
            return BrokerSettings.defaults();
        }
        try {
            BrokerKind kind = broker.hasNonNull("kind") ? BrokerKind.valueOf(broker.get("kind").asText().toUpperCase(Locale.ROOT))
                    : BrokerKind.PAPER;
            AlpacaEndpoint endpoint = broker.hasNonNull("alpacaEndpoint")
                    ? AlpacaEndpoint.valueOf(broker.get("alpacaEndpoint").asText().toUpperCase(Locale.ROOT)) : AlpacaEndpoint.PAPER;
            return new BrokerSettings(kind, endpoint, broker.path("liveTradingEnabled").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("the broker settings in " + file + " name no known broker (" + broker
                    + "); name the account with --broker paper|alpaca-paper|alpaca-live", e);
        }
    }

    /** Writes {@code config} atomically; refuses a config with problems. */
    public void save(AppConfig config) {
        List<ConfigProblem> problems = ConfigValidator.check(config);
        if (!problems.isEmpty()) {
            throw new ConfigException("not saved: " + problems.get(0).text()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
            try {
                MAPPER.writeValue(tmp.toFile(), config);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage() + "; check the folder's permissions", e);
        }
    }

    /** The config as the JSON text {@link #save} writes (for export and {@code config show}). */
    public static String toJson(AppConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JacksonException e) {
            throw new ConfigException("cannot write the config as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String fixCommand(ConfigProblem problem) {
        return problem.fix().startsWith("leverdesk ") ? problem.fix() + configOption() : problem.fix();
    }

    // The --config option the fix commands need when this is not the default file.
    private String configOption() {
        return file.equals(ConfigDirectory.resolveDefault().resolve(FILE_NAME)) ? "" : " --config " + file;
    }
}
