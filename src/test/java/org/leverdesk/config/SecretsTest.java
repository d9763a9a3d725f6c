package org.leverdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir
    Path dir;

    @Test
    void theEnvironmentWinsOverTheFile() {
        Secrets fileOnly = new Secrets(dir.resolve("secrets.properties"), Map.of());
        fileOnly.put(Secrets.ALPACA_KEY_ID, "from-file");
        assertEquals(Optional.of("from-file"), fileOnly.get(Secrets.ALPACA_KEY_ID));
        Secrets withEnv = new Secrets(dir.resolve("secrets.properties"), Map.of(Secrets.ALPACA_KEY_ID, "from-env"));
        assertEquals(Optional.of("from-env"), withEnv.get(Secrets.ALPACA_KEY_ID));
        assertEquals(Optional.empty(), withEnv.get(Secrets.SMTP_PASSWORD));
    }

    @Test
    void theFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("cfg/secrets.properties");
        Secrets secrets = new Secrets(file, Map.of());
        secrets.put(Secrets.DISCORD_WEBHOOK_URL, "https://discord.example/hook/1");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        secrets.remove(Secrets.DISCORD_WEBHOOK_URL);
        assertEquals(Optional.empty(), secrets.get(Secrets.DISCORD_WEBHOOK_URL));
        assertFalse(secrets.toString().contains("discord"));
    }

    @Test
    void aFileOthersCanReadIsRefused() throws Exception {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "ALPACA_KEY_ID=abc\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigException e = assertThrows(ConfigException.class, () -> new Secrets(file, Map.of()).get(Secrets.ALPACA_KEY_ID));
        assertTrue(e.getMessage().endsWith("can be read by other users; run 'chmod 600 " + file + "' and start again"), e.getMessage());
    }
}
