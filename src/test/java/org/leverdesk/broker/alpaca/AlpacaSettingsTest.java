package org.leverdesk.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AlpacaEndpoint;
import org.leverdesk.config.ConfigException;
import org.leverdesk.config.Secrets;

class AlpacaSettingsTest {
    @TempDir
    Path dir;

    @Test
    void keysComeFromSecretsWithAlpacasDefaultLimits() {
        Secrets secrets = new Secrets(dir.resolve("secrets.properties"),
                Map.of(Secrets.ALPACA_KEY_ID, "PKENV1", Secrets.ALPACA_SECRET_KEY, "envsecret"));
        AlpacaSettings s = AlpacaSettings.fromSecrets(AlpacaEndpoint.LIVE, secrets);
        assertEquals("PKENV1", s.keyId());
        assertEquals("envsecret", s.secretKey());
        assertEquals(AlpacaEndpoint.LIVE, s.endpoint());
        assertEquals(190, s.requestsPerMinute());
        assertEquals(Duration.ofSeconds(15), s.callTimeout());
        assertNull(s.baseUrl());
        assertFalse(s.toString().contains("PKENV1") || s.toString().contains("envsecret"), s.toString());
        try (AlpacaBroker broker = AlpacaBroker.create(s)) {
            assertEquals("alpaca-live", broker.name());
        }
    }

    @Test
    void missingKeysSayWhereToPutThem() {
        Secrets none = new Secrets(dir.resolve("secrets.properties"), Map.of());
        ConfigException e = assertThrows(ConfigException.class, () -> AlpacaSettings.fromSecrets(AlpacaEndpoint.PAPER, none));
        assertTrue(e.getMessage().contains("ALPACA_KEY_ID and ALPACA_SECRET_KEY"), e.getMessage());
    }

    @Test
    void limitsMustBePositive() {
        AlpacaSettings s = AlpacaSettings.of(AlpacaEndpoint.PAPER, "k", "s");
        assertThrows(IllegalArgumentException.class, () -> s.withRequestsPerMinute(0));
        assertThrows(IllegalArgumentException.class, () -> s.withRetries(0, Duration.ofMillis(1), Duration.ofMillis(2)));
        IllegalArgumentException noScheme = assertThrows(IllegalArgumentException.class,
                () -> AlpacaBroker.create(s.withBaseUrl(java.net.URI.create("localhost"))));
        assertTrue(noScheme.getMessage().contains("e.g. http://127.0.0.1:8080"), noScheme.getMessage());
    }
}
