package org.leverdesk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The optional passphrase that guards live controls (switching to live trading, changing risk limits,
 * Resume after a halt, editing secrets; never Close all). Only a salted PBKDF2-HMAC-SHA256 hash (210,000
 * iterations, OWASP's 2023 figure) is kept, in {@code control-lock.json} beside the config (owner-only).
 * Failed attempts are counted in the same file, so a restart does not reset them: after the n-th failure in
 * a row the next attempt is refused for 2^(n−1) seconds (at most 5 minutes) without checking it.
 */
public final class ControlLock {
    public static final String FILE_NAME = "control-lock.json";
    static final int ITERATIONS = 210_000;
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ControlLock.class);
    /** Where each lock file's refusals are journalled, by the process that owns the store (see {@link #journalRefusals}). */
    private static final java.util.Map<Path, java.util.function.Consumer<String>> AUDIT = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path file;
    private final Clock clock;

    public ControlLock(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** The lock beside {@code configFile}. */
    public static ControlLock besideConfig(Path configFile) {
        Path dir = configFile.toAbsolutePath().getParent();
        return new ControlLock(dir.resolve(FILE_NAME), Clock.systemUTC());
    }

    /**
     * Sends every refused attempt on the lock in {@code lockFile} (a wrong passphrase, or an attempt during the
     * slow-down) to {@code journal} as one line, until the returned handle is closed. The window registers its
     * store's journal here; the lock itself knows no store.
     */
    public static AutoCloseable journalRefusals(Path lockFile, java.util.function.Consumer<String> journal) {
        Path key = lockFile.toAbsolutePath().normalize();
        AUDIT.put(key, journal);
        return () -> AUDIT.remove(key, journal);
    }

    private void refused(String line) {
        LOG.warn("control lock: {}", line);
        java.util.function.Consumer<String> sink = AUDIT.get(file.toAbsolutePath().normalize());
        if (sink != null) {
            try {
                sink.accept(line);
            } catch (RuntimeException e) {
                LOG.warn("control lock: could not journal '{}': {}", line, e.getMessage());
            }
        }
    }

    /** What an attempt gave: unlocked, or why not (a wrong passphrase, or wait until the slow-down ends). */
    public record Verdict(boolean unlocked, String reason) {
        static final Verdict OPEN = new Verdict(true, "");
    }

    public Path file() {
        return file;
    }

    /** True when a passphrase is set. */
    public synchronized boolean isSet() {
        return Files.isRegularFile(file);
    }

    /** Sets (or replaces) the passphrase; at least 8 characters. */
    public synchronized void set(char[] passphrase) {
        if (passphrase == null || passphrase.length < 8) {
            throw new IllegalArgumentException("the passphrase needs at least 8 characters");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        ObjectNode n = JSON.createObjectNode();
        n.put("algorithm", "PBKDF2WithHmacSHA256");
        n.put("iterations", ITERATIONS);
        n.put("salt", Base64.getEncoder().encodeToString(salt));
        n.put("hash", Base64.getEncoder().encodeToString(hash(passphrase, salt, ITERATIONS)));
        n.put("failures", 0);
        write(n);
    }

    /** Removes the passphrase when {@code current} is right. */
    public synchronized Verdict clear(char[] current) {
        Verdict v = check(current);
        if (v.unlocked() && isSet()) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
            }
        }
        return v;
    }

    /** Checks {@code passphrase}; open when no passphrase is set. */
    public synchronized Verdict check(char[] passphrase) {
        if (!isSet()) {
            return Verdict.OPEN;
        }
        ObjectNode n = read();
        int failures = n.path("failures").asInt(0);
        Instant now = clock.instant();
        if (failures > 0 && n.hasNonNull("lastFailure")) {
            Duration wait = Duration.ofSeconds(1L << Math.min(failures - 1, 20));
            if (wait.compareTo(MAX_WAIT) > 0) {
                wait = MAX_WAIT;
            }
            Instant until = Instant.parse(n.get("lastFailure").asText()).plus(wait);
            if (now.isBefore(until)) {
                Verdict v = new Verdict(false, "too many wrong passphrases: try again in " + (Duration.between(now, until).toMillis() + 999) / 1000 + " s");
                refused("an attempt refused unchecked during the slow-down after " + failures + " wrong passphrase(s) in a row ("
                        + v.reason() + ")");
                return v;
            }
        }
        byte[] salt = Base64.getDecoder().decode(n.path("salt").asText());
        byte[] expected = Base64.getDecoder().decode(n.path("hash").asText());
        boolean ok = passphrase != null && MessageDigest.isEqual(expected, hash(passphrase, salt, n.path("iterations").asInt(ITERATIONS)));
        if (ok) {
            if (failures != 0) {
                n.put("failures", 0);
                n.remove("lastFailure");
                write(n);
            }
            return Verdict.OPEN;
        }
        n.put("failures", failures + 1);
        n.put("lastFailure", now.toString());
        write(n);
        Duration wait = Duration.ofSeconds(1L << Math.min(failures, 20));
        refused("wrong passphrase (" + (failures + 1) + " in a row); the next attempt waits "
                + Math.min(wait.toSeconds(), MAX_WAIT.toSeconds()) + " s");
        return new Verdict(false, "wrong passphrase (" + (failures + 1) + " in a row)");
    }

    private static byte[] hash(char[] passphrase, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("this Java has no PBKDF2WithHmacSHA256: " + e.getMessage(), e);
        }
    }

    private ObjectNode read() {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (!(n instanceof ObjectNode o) || !o.hasNonNull("hash") || !o.hasNonNull("salt")) {
                throw new ConfigException(file + " is not a control lock file; delete it and set the passphrase again");
            }
            return o;
        } catch (IOException e) {
            throw new ConfigException(file + " cannot be read (" + e.getMessage() + "); delete it and set the passphrase again");
        }
    }

    /** Writes through a temporary owner-only file and an atomic move. */
    private void write(ObjectNode n) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".control-lock", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the user profile's ACLs apply.
            }
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
