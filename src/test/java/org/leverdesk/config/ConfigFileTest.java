package org.leverdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.domain.TradingMode;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheDefaultsAndSaysSo() {
        ConfigFile file = new ConfigFile(dir.resolve("config.json"));
        assertFalse(file.exists());
        assertEquals(AppConfig.defaults(), file.load());
        assertEquals(TradingMode.PAPER, file.load().broker().mode());
    }

    @Test
    void aSavedConfigReadsBackEqual() {
        ConfigFile file = new ConfigFile(dir.resolve("sub/config.json"));
        AppConfig config = AppConfig.defaults()
                .withStrategy(new StrategySettings("regime", true, 0.3, Map.of("holdDays", "3"), null))
                .withStrategy(new StrategySettings("rsi2", false, 0.5, Map.of(), "close-10m"));
        file.save(config);
        assertEquals(config, file.load());
        assertEquals(List.of("regime"), file.load().enabledStrategies().stream().map(StrategySettings::strategyId).toList());
    }

    @Test
    void theMarketDataFeedIsIexUnlessTheConfigSaysSip() throws Exception {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "{\"broker\": {\"kind\": \"ALPACA\", \"alpacaEndpoint\": \"PAPER\"}}");
        assertEquals(DataFeed.IEX, new ConfigFile(path).load().broker().dataFeed(), "a config from before the setting reads IEX");
        Files.writeString(path, "{\"broker\": {\"kind\": \"ALPACA\", \"dataFeed\": \"SIP\"}}");
        AppConfig sip = new ConfigFile(path).load();
        assertEquals(DataFeed.SIP, sip.broker().dataFeed());
        assertEquals("sip", sip.broker().dataFeed().apiName());
        ConfigFile again = new ConfigFile(dir.resolve("again.json"));
        again.save(sip);
        assertEquals(sip, again.load());
    }

    @Test
    void liveNeedsAlpacaItsLiveEndpointAndTheSwitch() {
        assertEquals(TradingMode.PAPER, new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.LIVE, false).mode());
        assertEquals(TradingMode.PAPER, new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.PAPER, true).mode());
        assertEquals(TradingMode.PAPER, new BrokerSettings(BrokerKind.PAPER, AlpacaEndpoint.LIVE, true).mode());
        assertEquals(TradingMode.LIVE, new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.LIVE, true).mode());
    }

    @Test
    void aTypoInASettingIsAnErrorNamingTheFile() throws Exception {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "{\"risk\": {\"tolerancePercnt\": 3}}");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigFile(path).load());
        assertTrue(e.getMessage().startsWith(path + " is not a valid Leverdesk config"), e.getMessage());
        assertTrue(e.getMessage().contains("tolerancePercnt"), e.getMessage());
    }

    @Test
    void anInvalidConfigIsNeitherSavedNorLoaded() throws Exception {
        Path path = dir.resolve("config.json");
        AppConfig bad = AppConfig.defaults()
                .withStrategy(new StrategySettings("regime", true, 0.7, Map.of(), null))
                .withStrategy(new StrategySettings("rsi2", true, 0.6, Map.of("symbol", "QQQM"), null));
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigFile(path).save(bad));
        assertEquals("not saved: strategies: the enabled strategies' capital shares add up to 130%; lower them to 100% or less"
                + " so they cannot trade the same dollars twice", e.getMessage());
        assertFalse(Files.exists(path));
        Files.writeString(path, "{\"risk\": {\"tolerancePercent\": -1, \"minTradeValue\": 100, \"limitOffsetPercent\": 0.5,"
                + " \"maxRequestsPerMinute\": 190, \"maxQuoteAgeSeconds\": 900}}");
        ConfigException load = assertThrows(ConfigException.class, () -> new ConfigFile(path).load());
        assertTrue(load.getMessage().contains("risk.tolerancePercent must be between 0 and 50 (got -1)"), load.getMessage());
    }

    @Test
    void theConfigFolderFollowsXdg() {
        Path home = Path.of("/home/t");
        assertEquals(Path.of("/home/t/.config/leverdesk"), ConfigDirectory.resolve("Linux", Map.of(), home));
        assertEquals(Path.of("/x/leverdesk"), ConfigDirectory.resolve("Linux", Map.of("XDG_CONFIG_HOME", "/x"), home));
        assertEquals(Path.of("/home/t/.config/leverdesk"), ConfigDirectory.resolve("Linux", Map.of("XDG_CONFIG_HOME", "rel"), home));
    }

    @Test
    void aPartialRiskObjectKeepsTheDefaultsOfWhatItLeavesOut() throws Exception {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "{\"risk\": {\"tolerancePercent\": 3, \"limits\": {\"maxOrdersPerDay\": 5}}}");
        RiskSettings r = new ConfigFile(path).load().risk();
        assertEquals(3.0, r.tolerancePercent());
        assertEquals(RiskSettings.defaults().minTradeValue(), r.minTradeValue(), "not 0");
        assertEquals(RiskSettings.defaults().maxRequestsPerMinute(), r.maxRequestsPerMinute(), "not 0");
        assertEquals(5, r.limits().maxOrdersPerDay());
        assertEquals(RiskLimits.defaults().priceBandPercent(), r.limits().priceBandPercent());
    }

    @Test
    void jacksonsOwnWordsNeverReachTheMessage() throws Exception {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "{\"risk\": {\"tolerancePercent\": [3]}}");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigFile(path).load());
        assertTrue(e.getMessage().contains("'risk.tolerancePercent' must be a number, not a list [...] (line 1, column"),
                e.getMessage());
        Files.writeString(path, "{\"broker\": {\"kind\": \"PAPR\"}}");
        e = assertThrows(ConfigException.class, () -> new ConfigFile(path).load());
        assertTrue(e.getMessage().contains("'broker.kind' cannot be 'PAPR' (line 1, column 21); allowed: PAPER, ALPACA"),
                e.getMessage());
        Files.writeString(path, "{\"risk\": {\"tolerancePercent\": 3,}}");
        e = assertThrows(ConfigException.class, () -> new ConfigFile(path).load());
        assertTrue(e.getMessage().contains("not valid JSON (line 1, column"), e.getMessage());
        for (String word : List.of("JsonToken", "START_ARRAY", "java.lang", "com.fasterxml")) {
            assertFalse(e.getMessage().contains(word), e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aLoadErrorNamesTheCommandThatFixesIt() throws Exception {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "{\"risk\": {\"tolerancePercent\": 60}}");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigFile(path).load());
        assertEquals(path + ": risk.tolerancePercent must be between 0 and 50 (got 60); fix it with 'leverdesk config set"
                + " risk.tolerancePercent=<value> --config " + path + "' or in Settings", e.getMessage());
    }

    @Test
    void theBrokerSettingsAreReadEvenWhenEverythingElseIsBroken() throws Exception {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "{\"broker\": {\"kind\": \"alpaca\", \"alpacaEndpoint\": \"LIVE\"}, \"risk\": {\"bogus\": 1},"
                + " \"strategies\": [{\"strategyId\": \"nope\", \"capitalShare\": 7}]}");
        assertThrows(ConfigException.class, () -> new ConfigFile(path).load());
        assertEquals(new BrokerSettings(BrokerKind.ALPACA, AlpacaEndpoint.LIVE, false), new ConfigFile(path).brokerOnly());
        Files.writeString(path, "{ this is not json");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigFile(path).brokerOnly());
        assertTrue(e.getMessage().endsWith("; name the account with --broker paper|alpaca-paper|alpaca-live"), e.getMessage());
        assertEquals(BrokerSettings.defaults(), new ConfigFile(dir.resolve("missing.json")).brokerOnly());
    }

    @Test
    void theSecretsOfAConfigFileAreTheOnesBesideIt() {
        Path file = dir.resolve("etc/leverdesk/config.json");
        assertEquals(dir.resolve("etc/leverdesk/secrets.properties").toAbsolutePath(), new ConfigFile(file).secrets().file());
    }
}
