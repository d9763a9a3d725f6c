package org.leverdesk.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code config.json}. Unknown settings are an error (a typo must not silently fall
 * back to a default); a write goes to a temporary file first and is moved into place, so a crash never
 * leaves half a config; a config with problems ({@link ConfigValidator}) is neither loaded nor saved.
 */
public final class ConfigFile {
    public static final String FILE_NAME = "config.json";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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

    /** True when the file exists (the first-run dialog is shown when it does not). */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The config, or empty when there is no file yet. */
    public Optional<AppConfig> loadIfPresent() {
        return exists() ? Optional.of(load()) : Optional.empty();
    }

    /** The config in the file; a missing file gives the defaults. */
    public AppConfig load() {
        if (!exists()) {
            return AppConfig.defaults();
        }
        AppConfig config;
        try {
            config = MAPPER.readValue(file.toFile(), AppConfig.class);
        } catch (JacksonException e) {
            throw new ConfigException(file + " is not a valid Leverdesk config (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); fix it or move it away to start with the defaults", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage() + "; check that the file is readable", e);
        }
        if (config == null) {
            throw new ConfigException(file + " is empty; delete it to start with the defaults");
        }
        List<String> problems = ConfigValidator.problems(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(file + ": " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "") + "; fix it in Settings or in the file");
        }
        return config;
    }

    /** Writes {@code config} atomically; refuses a config with problems. */
    public void save(AppConfig config) {
        List<String> problems = ConfigValidator.problems(config);
        if (!problems.isEmpty()) {
            throw new ConfigException("not saved: " + problems.get(0));
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

    /** The config as the JSON text {@link #save} writes (for export). */
    public static String toJson(AppConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JacksonException e) {
            throw new ConfigException("cannot write the config as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
