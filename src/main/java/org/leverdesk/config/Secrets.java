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
    /** The Discord bot's token (Developer Portal > Bot), for chat commands on the gateway. */
    public static final String DISCORD_BOT_TOKEN = "DISCORD_BOT_TOKEN";
    public static final String SMTP_PASSWORD = "SMTP_PASSWORD";
    public static final String LLM_API_KEY = "LLM_API_KEY";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Every key Leverdesk reads, so every value can be masked in output. */
    public static final java.util.List<String> KEYS = java.util.List.of(ALPACA_KEY_ID, ALPACA_SECRET_KEY, TELEGRAM_BOT_TOKEN,
            DISCORD_WEBHOOK_URL, DISCORD_BOT_TOKEN, SMTP_PASSWORD);

    private final Path file;
    private final Map<String, String> env;
    // True for an emergency exit: a secrets file others can read is used (with a warning), not refused.
    private final boolean tolerateOpenFile;
    private final java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Secrets(Path file, Map<String, String> env) {
        this(file, env, false);
    }

    private Secrets(Path file, Map<String, String> env, boolean tolerateOpenFile) {
        this.file = file;
        this.env = Map.copyOf(env);
        this.tolerateOpenFile = tolerateOpenFile;
    }

    /**
     * The secrets that go with the config file {@code configFile}: the environment, then
     * {@code secrets.properties} in the same folder (so {@code --config /etc/leverdesk/config.json}
     * reads {@code /etc/leverdesk/secrets.properties}).
     */
    public static Secrets beside(Path configFile) {
        Path parent = configFile.toAbsolutePath().getParent();
        return new Secrets(parent.resolve(FILE_NAME), System.getenv());
    }

    /**
     * These secrets for an emergency exit: a secrets file other users can read is still used (closing
     * positions matters more than refusing a leaked key; the leak is reported in {@link #warnings()}).
     */
    public Secrets tolerant() {
        return new Secrets(file, env, true);
    }

    /** Problems met while reading that did not stop it (a secrets file others can read, in tolerant mode). */
    public java.util.List<String> warnings() {
        return java.util.List.copyOf(new java.util.LinkedHashSet<>(warnings));
    }

    /**
     * Registers every secret value set (environment and file) with {@link org.leverdesk.common.SecretMask},
     * so output is masked even before a value is used; a file that cannot be read is skipped here (its
     * error comes when a value is needed).
     */
    public Secrets registerForMasking() {
        for (String key : KEYS) {
            try {
                get(key);
            } catch (ConfigException e) {
                // reported when the value is needed
            }
        }
        return this;
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
            mask(fromEnv.strip());
            return Optional.of(fromEnv);
        }
        String fromFile = readFile().getProperty(key);
        if (fromFile != null) {
            mask(fromFile.trim());
        }
        return fromFile == null || fromFile.isBlank() ? Optional.empty() : Optional.of(fromFile.trim());
    }

    /**
     * Registers a secret with the process-wide mask; for a URL (a Discord webhook) also its last path part,
     * the token, which a service may echo on its own.
     */
    private static void mask(String value) {
        org.leverdesk.common.SecretMask.register(value);
        int slash = value.lastIndexOf('/');
        if (value.contains("://") && slash > 0 && slash < value.length() - 1) {
            String token = value.substring(slash + 1);
            int query = token.indexOf('?');
            org.leverdesk.common.SecretMask.register(query < 0 ? token : token.substring(0, query));
        }
    }

    /** Stores {@code key} in the user-only secrets file (created with mode 600), keeping the others. */
    public void put(String key, String value) {
        Properties props = readFile();
        props.setProperty(key, value);
        mask(value);
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
                    String problem = file + " can be read by other users; run 'chmod 600 " + file + "' and start again";
                    if (!tolerateOpenFile) {
                        throw new ConfigException(problem);
                    }
                    warnings.add(problem.replace(" and start again", "") + " (used anyway for this emergency exit)");
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
