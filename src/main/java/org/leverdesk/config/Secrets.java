package org.leverdesk.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * API keys, tokens, webhook URLs and passwords. They come from environment variables first, else
 * from {@code secrets.properties} in the config folder, which must be readable by its owner only
 * (mode 600 on POSIX systems; a file others can read is refused). They are never written to the
 * config, the store or the logs: {@link #toString()} names the keys that are set, never a value.
 */
public final class Secrets {
    public static final String FILE_NAME = "secrets.properties";
    public static final String ALPACA_KEY_ID = "ALPACA_KEY_ID";
    public static final String ALPACA_SECRET_KEY = "ALPACA_SECRET_KEY";
    public static final String TELEGRAM_BOT_TOKEN = "TELEGRAM_BOT_TOKEN";
    public static final String DISCORD_WEBHOOK_URL = "DISCORD_WEBHOOK_URL";
    public static final String SMTP_PASSWORD = "SMTP_PASSWORD";
    public static final String LLM_API_KEY = "LLM_API_KEY";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Map<String, String> env;

    public Secrets(Path file, Map<String, String> env) {
        this.file = file;
        this.env = Map.copyOf(env);
    }

    /** The secrets of the current user: the environment, then the default secrets file. */
    public static Secrets forCurrentUser() {
        return new Secrets(ConfigDirectory.resolveDefault().resolve(FILE_NAME), System.getenv());
    }

    public Path file() {
        return file;
    }

    /** The value of {@code key}, from the environment or the secrets file, or empty when unset. */
    public Optional<String> get(String key) {
        String fromEnv = env.get(key);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv);
        }
        String fromFile = readFile().getProperty(key);
        return fromFile == null || fromFile.isBlank() ? Optional.empty() : Optional.of(fromFile.trim());
    }

    /** Stores {@code key} in the user-only secrets file (created with mode 600), keeping the others. */
    public void put(String key, String value) {
        Properties props = readFile();
        props.setProperty(key, value);
        write(props);
    }

    /** Removes {@code key} from the secrets file. */
    public void remove(String key) {
        Properties props = readFile();
        if (props.remove(key) != null) {
            write(props);
        }
    }

    private Properties readFile() {
        Properties props = new Properties();
        if (!Files.isRegularFile(file)) {
            return props;
        }
        if (posix()) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(p -> !OWNER_ONLY.contains(p))) {
                    throw new ConfigException(file + " can be read by other users; run 'chmod 600 " + file + "' and start again");
                }
            } catch (IOException e) {
                throw new ConfigException("cannot check the permissions of " + file + ": " + e.getMessage(), e);
            }
        }
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getMessage() + "); fix or delete it and enter the keys again", e);
        }
        return props;
    }

    private void write(Properties props) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            if (posix()) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(tmp);
            }
            try (var out = Files.newBufferedWriter(tmp)) {
                props.store(out, "Leverdesk secrets: keep this file private (mode 600)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage() + "; check the folder's permissions", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "Secrets[" + file + "]";
    }
}
