package org.leverdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dotted keys as 'leverdesk config set' names them. */
class ConfigEditTest {
    @Test
    void setsTypedValuesAtEveryLevel() {
        AppConfig c = AppConfig.starter();
        c = ConfigEdit.set(c, "broker.kind", "alpaca");
        c = ConfigEdit.set(c, "risk.tolerancePercent", "3.5");
        c = ConfigEdit.set(c, "risk.limits.maxOrdersPerDay", "8");
        c = ConfigEdit.set(c, "strategies.regime.parameters.holdDays", "3");
        c = ConfigEdit.set(c, "notifications.telegram", "true");
        c = ConfigEdit.set(c, "notifications.telegramChatId", "12345");
        assertEquals(BrokerKind.ALPACA, c.broker().kind());
        assertEquals(3.5, c.risk().tolerancePercent());
        assertEquals(8, c.risk().limits().maxOrdersPerDay());
        assertEquals(Map.of("holdDays", "3"), c.strategy("regime").orElseThrow().parameters());
        assertTrue(c.notifications().telegram());
        assertEquals("12345", c.notifications().telegramChatId(), "a chat id stays text");
        assertTrue(ConfigValidator.check(c).isEmpty(), ConfigValidator.problems(c).toString());
    }

    @Test
    void aNewStrategyIsAddedDisabledAndUnsetRemovesStrategiesParametersAndSettings() {
        AppConfig c = ConfigEdit.set(AppConfig.starter(), "strategies.rotation.capitalShare", "0.2");
        StrategySettings rotation = c.strategy("rotation").orElseThrow();
        assertFalse(rotation.enabled());
        assertEquals(0.2, rotation.capitalShare());
        c = ConfigEdit.set(c, "strategies.regime.parameters.holdDays", "3");
        c = ConfigEdit.unset(c, "strategies.regime.parameters.holdDays");
        assertEquals(Map.of(), c.strategy("regime").orElseThrow().parameters());
        c = ConfigEdit.set(c, "risk.tolerancePercent", "9");
        c = ConfigEdit.unset(c, "risk.tolerancePercent");
        assertEquals(2.0, c.risk().tolerancePercent(), "back to its default, not 0");
        c = ConfigEdit.unset(c, "strategies.rotation");
        assertTrue(c.strategy("rotation").isEmpty());
    }

    @Test
    void aTypoIsANamedErrorNotADefault() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigEdit.set(AppConfig.defaults(), "risk.tolerancePercnt",
                "3"));
        assertTrue(e.getMessage().startsWith("cannot set risk.tolerancePercnt: unknown setting 'risk.tolerancePercnt'; known"
                + " here: "), e.getMessage());
        assertTrue(e.getMessage().contains("known here: "), e.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> ConfigEdit.set(AppConfig.defaults(),
                "risk.maxQuoteAgeSeconds", "soon"));
        assertEquals("cannot set risk.maxQuoteAgeSeconds: 'risk.maxQuoteAgeSeconds' cannot be 'soon'; expected a whole number",
                type.getMessage());
        assertThrows(ConfigException.class, () -> ConfigEdit.set(AppConfig.defaults(), "strategies.regime", "x"));
    }
}
